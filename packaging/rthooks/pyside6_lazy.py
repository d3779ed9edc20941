"""Run-time hook in place of PyInstaller's ``pyi_rth_pyside6``: point Qt at the bundle, import nothing.

PyInstaller's own hook imports ``PySide6.QtCore`` at every start, to register a ``qt.conf``; that loads
Qt and ICU before ``plandesk check`` or ``plandesk outline``, which never use Qt (a tenth of a second
and more on every command). The PySide6 wheel registers the same ``qt.conf`` itself when the app
imports it, so only the plugin path is left to set. Setting it also keeps Qt away from a system's
``QT_PLUGIN_PATH`` full of plugins built for another Qt.
"""

import os
import sys

_qt = (
    os.path.join(sys._MEIPASS, "PySide6")
    if sys.platform == "win32"
    else os.path.join(sys._MEIPASS, "PySide6", "Qt")
)
os.environ["QT_PLUGIN_PATH"] = os.path.join(_qt, "plugins")
if sys.platform == "win32":
    # Qt finds DLLs collected at the top of the bundle (OpenSSL and the like) through PATH.
    os.environ["PATH"] = sys._MEIPASS + os.pathsep + os.environ.get("PATH", "")
del _qt
