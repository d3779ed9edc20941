"""The PySide6 desktop application: windows, panels, workers. The only place Qt is imported."""
