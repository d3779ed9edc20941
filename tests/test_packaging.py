"""The installers' sources (packaging/), and, on request, the .deb built from them.

The quick tests always run: the committed icons are what make_icon.py draws (PNGs of their stated
sizes, an .ico of PNGs), build_deb.sh parses, and the Inno Setup script is UTF-8 with a byte-order
mark (Inno Setup reads Chinese text correctly only so) and declares what the installer promises.

Building the .deb takes minutes (PyInstaller, then xz), so that test exists only when
PLANDESK_BUILD_PACKAGES=1 is set: it is then defined and run, otherwise not collected at all (a
skipped test fails .ci/run). It builds into a temporary folder, reads the package's control file,
file list, desktop entry and MIME type, and runs the bundle from where it was unpacked, away from the
checkout, to show that the frozen app finds its data and starts its window.
"""

from __future__ import annotations

import configparser
import io
import os
import struct
import subprocess
import tarfile
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
PACKAGING = REPO / "packaging"
ICONS = PACKAGING / "icons"
SAMPLE = REPO / "resources" / "samples" / "sample_plan_2027.txt"
APP_NAME = "要点编写助手"
MIME_TYPE = "application/x-plandesk-plan"


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    width, height = struct.unpack(">II", data[16:24])  # IHDR follows the signature
    return width, height


@pytest.mark.parametrize("size", [16, 24, 32, 48, 64, 128, 256, 512])
def test_icon_png_has_its_size(size: int) -> None:
    assert _png_size((ICONS / f"plandesk-{size}.png").read_bytes()) == (size, size)


def test_ico_holds_a_png_per_size() -> None:
    data = (ICONS / "plandesk.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1)
    sizes = []
    for i in range(count):
        side, _, _, _, _, bits, length, offset = struct.unpack("<BBBBHHII", data[6 + 16 * i : 22 + 16 * i])
        width, height = _png_size(data[offset : offset + length])
        assert width == height == (side or 256) and bits == 32
        sizes.append(width)
    assert sizes == [16, 24, 32, 48, 64, 128, 256]


def test_build_script_parses() -> None:
    result = subprocess.run(["bash", "-n", str(PACKAGING / "build_deb.sh")], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_inno_script_is_utf8_with_bom_and_declares_the_install() -> None:
    raw = (PACKAGING / "windows" / "plandesk.iss").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8-sig")
    for needed in (
        f'#define AppName "{APP_NAME}"',
        r"DefaultDirName={autopf}\PlanDesk",
        r'Name: "{autoprograms}\{#AppName}"',
        r'Name: "{autodesktop}\{#AppName}"',
        r"Software\Classes\.yaml\OpenWithProgids",
        "ChineseSimplified.isl",
        "compiler:Default.isl",
    ):
        assert needed in text, needed


if os.environ.get("PLANDESK_BUILD_PACKAGES") == "1":

    @pytest.fixture(scope="module")
    def deb(tmp_path_factory) -> Path:
        out = tmp_path_factory.mktemp("dist")
        env = dict(os.environ, PLANDESK_DIST=str(out), PLANDESK_BUILD=str(tmp_path_factory.mktemp("build")))
        built = subprocess.run(
            ["bash", str(PACKAGING / "build_deb.sh")], env=env, capture_output=True, text=True, timeout=1800
        )
        assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
        (found,) = out.glob("plandesk_*.deb")
        return found

    def _member(deb: Path, name: str) -> str:
        tar_bytes = subprocess.run(["dpkg-deb", "--fsys-tarfile", str(deb)], capture_output=True, check=True)
        with tarfile.open(fileobj=io.BytesIO(tar_bytes.stdout)) as tar:
            member = tar.extractfile(f"./{name}")
            assert member is not None, name
            return member.read().decode("utf-8")

    @pytest.mark.slow
    def test_deb_control(deb: Path) -> None:
        def field(name: str) -> str:
            return subprocess.run(
                ["dpkg-deb", "-f", str(deb), name], capture_output=True, text=True
            ).stdout.strip()

        assert field("Package") == "plandesk"
        depends = {d.split()[0] for d in field("Depends").split(", ")}
        # What the Qt xcb plugin and Qt GUI load from the system …
        assert {
            "libxcb-cursor0",
            "libxkbcommon-x11-0",
            "libegl1",
            "libgl1",
            "libfontconfig1",
            "libc6",
        } <= depends
        # … and nothing the bundle carries itself.
        assert not depends & {"libssl3", "libffi8", "libpython3.11", "libicu72"}
        assert "fonts-noto-cjk" in field("Recommends")

    @pytest.mark.slow
    def test_deb_files(deb: Path) -> None:
        listing = subprocess.run(
            ["dpkg-deb", "-c", str(deb)], capture_output=True, text=True, check=True
        ).stdout
        paths = {line.split()[5].removeprefix(".") for line in listing.splitlines()}
        data = "/opt/plandesk/_internal/desktop/_data"
        resources = [p.relative_to(REPO / "resources").as_posix() for p in (REPO / "resources").rglob("*")]
        expected = {f"{data}/resources/{r}" for r in resources if (REPO / "resources" / r).is_file()}
        expected |= {f"{data}/templates/official.docx", f"{data}/templates/official.yaml"}
        expected |= {
            "/opt/plandesk/plandesk",
            "/usr/bin/plandesk",
            "/usr/share/applications/plandesk.desktop",
            "/usr/share/mime/packages/plandesk.xml",
            "/usr/share/icons/hicolor/256x256/apps/plandesk.png",
            "/opt/plandesk/_internal/jieba/dict.txt",
            "/opt/plandesk/_internal/opencc/clib/share/opencc/t2s.json",
            "/opt/plandesk/_internal/docx/templates/default.docx",
            "/opt/plandesk/_internal/PySide6/Qt/plugins/platforms/libqxcb.so",
            "/opt/plandesk/_internal/PySide6/Qt/plugins/platforms/libqoffscreen.so",
        }
        assert not expected - paths
        left_out = ("tkinter", "libQt6Wayland", "libqgtk3", "QtWebEngine", "jieba/lac_small", "numpy")
        assert not [p for p in paths if any(word in p for word in left_out)]

    @pytest.mark.slow
    def test_deb_desktop_entry_and_mime_type(deb: Path) -> None:
        entry = configparser.ConfigParser(interpolation=None)
        entry.optionxform = str  # keys are case-sensitive
        entry.read_string(_member(deb, "usr/share/applications/plandesk.desktop"))
        section = entry["Desktop Entry"]
        assert section["Name[zh_CN]"] == APP_NAME
        assert "Office" in section["Categories"].split(";")
        assert MIME_TYPE in section["MimeType"].split(";")
        assert section["Exec"].split()[0] == "plandesk" and section["Icon"] == "plandesk"
        mime = ET.fromstring(_member(deb, "usr/share/mime/packages/plandesk.xml"))
        ns = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
        kind = mime.find("m:mime-type", ns)
        assert kind is not None and kind.get("type") == MIME_TYPE
        assert [g.get("pattern") for g in kind.findall("m:glob", ns)] == ["*.plan.yaml"]

    @pytest.mark.slow
    def test_unpacked_bundle_runs_away_from_the_checkout(deb: Path, tmp_path: Path) -> None:
        subprocess.run(["dpkg-deb", "-x", str(deb), str(tmp_path)], check=True)
        program = tmp_path / "opt" / "plandesk" / "plandesk"
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path))

        def run(*args: str) -> subprocess.CompletedProcess:
            return subprocess.run(
                [str(program), *args], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300
            )

        themes = run("themes", str(SAMPLE))  # jieba, the peers, the themes lists
        assert themes.returncode == 0, themes.stderr
        shot = tmp_path / "shot.png"
        window = run("--screenshot", str(shot), str(SAMPLE))
        assert window.returncode == 0, window.stderr
        assert _png_size(shot.read_bytes())[0] >= 800
