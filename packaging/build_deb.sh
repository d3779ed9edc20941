#!/usr/bin/env bash
# Build PlanDesk (要点编写助手) as a .deb for 麒麟 (Kylin) / 统信 UOS and other Debian-family systems.
#
#   packaging/build_deb.sh            PyInstaller bundle, then the .deb, in packaging/dist/
#   packaging/build_deb.sh --no-bundle   reuse packaging/dist/plandesk/ (only re-wrap it)
#
# Needs: the project's venv with PyInstaller (.venv/bin/pip install pyinstaller), dpkg-deb, fakeroot,
# dpkg-shlibdeps (dpkg-dev) and objdump (binutils), and the runtime libraries installed on the build
# machine (dpkg-shlibdeps reads their packages' symbol files to write Depends). PYTHON=... picks another
# interpreter; PLANDESK_DIST and PLANDESK_BUILD other output and work folders. The package runs where
# the build machine's glibc runs or newer: build on the oldest system you ship to (the script prints
# the glibc the package requires).
#
# The package: the bundle in /opt/plandesk, /usr/bin/plandesk, a desktop entry (要点编写助手, Office),
# hicolor icons, the MIME type application/x-plandesk-plan for *.plan.yaml, associated with the app.
# No maintainer scripts: the desktop, MIME and icon caches are refreshed by the dpkg triggers of
# desktop-file-utils, shared-mime-info and the icon theme.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$HERE")
PYTHON=${PYTHON:-$ROOT/.venv/bin/python}
OUT=${PLANDESK_DIST:-$HERE/dist}     # the bundle and the .deb
WORK=${PLANDESK_BUILD:-$HERE/build}  # PyInstaller's work files and the package tree
BUNDLE=$OUT/plandesk
PREFIX=/opt/plandesk
SAMPLE=$ROOT/resources/samples/sample_plan_2027.txt
ICON_SIZES="16 24 32 48 64 128 256 512"
# Set MAINTAINER="名字 <address>" for a package you publish; the default is a placeholder.
MAINTAINER=${MAINTAINER:-PlanDesk maintainers <plandesk@example.org>}

die() { echo "build_deb: $*" >&2; exit 1; }

build_bundle=1
for arg in "$@"; do
    case $arg in
        --no-bundle) build_bundle=0 ;;
        -h | --help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) die "unknown option $arg (see --help)" ;;
    esac
done

for tool in dpkg-deb fakeroot dpkg-shlibdeps objdump; do
    command -v "$tool" >/dev/null || die "$tool is missing (apt-get install dpkg-dev fakeroot binutils)"
done
[ -x "$PYTHON" ] || die "no interpreter at $PYTHON (create the venv, or set PYTHON=...)"

VERSION=$(sed -n 's/^version = "\(.*\)"$/\1/p' "$ROOT/pyproject.toml" | head -n 1)
[ -n "$VERSION" ] || die "no version in pyproject.toml"
ARCH=$(dpkg --print-architecture)
DEB=$OUT/plandesk_${VERSION}_${ARCH}.deb

# --- the icon (committed; drawn again only when missing) -------------------------------------------
if [ ! -f "$HERE/icons/plandesk-256.png" ]; then
    echo "build_deb: drawing the icon"
    QT_QPA_PLATFORM=offscreen "$PYTHON" "$HERE/make_icon.py"
fi

# --- the PyInstaller bundle --------------------------------------------------------------------------
if [ "$build_bundle" = 1 ]; then
    "$PYTHON" -c "import PyInstaller" 2>/dev/null \
        || die "PyInstaller is not installed ($PYTHON -m pip install pyinstaller)"
    echo "build_deb: building the bundle with PyInstaller"
    (cd "$ROOT" && "$PYTHON" -m PyInstaller --noconfirm --log-level WARN \
        --distpath "$OUT" --workpath "$WORK/pyinstaller" "$HERE/plandesk.spec")
fi
[ -x "$BUNDLE/plandesk" ] || die "no bundle at $BUNDLE (run without --no-bundle)"

# The bundle must start and find its data (jieba, OpenCC and the themes are on these paths) before
# it is packaged; from another folder, so that nothing is found by accident in the checkout. Its
# caches go to the work folder: the app may keep one beside its data, which must not be packaged.
echo "build_deb: trying the bundle"
(cd / && QT_QPA_PLATFORM=offscreen PLANDESK_CACHE_DIR="$WORK/cache" "$BUNDLE/plandesk" themes "$SAMPLE" >/dev/null) \
    || die "the bundle does not run: $BUNDLE/plandesk themes $SAMPLE"

# --- the package tree --------------------------------------------------------------------------------
STAGE=$WORK/deb/plandesk_${VERSION}_${ARCH}
rm -rf "$STAGE"
mkdir -p "$STAGE/DEBIAN" "$STAGE$PREFIX" "$STAGE/usr/bin" "$STAGE/usr/share/applications" \
    "$STAGE/usr/share/mime/packages" "$STAGE/usr/share/doc/plandesk"
cp -a "$BUNDLE/." "$STAGE$PREFIX/"
find "$STAGE$PREFIX" -name __pycache__ -type d -prune -exec rm -rf {} +  # a cache from an earlier run

cat >"$STAGE/usr/bin/plandesk" <<EOF
#!/bin/sh
# PlanDesk (要点编写助手) lives in $PREFIX; the window without arguments, sub-commands with them.
exec $PREFIX/plandesk "\$@"
EOF

cat >"$STAGE/usr/share/applications/plandesk.desktop" <<'EOF'
[Desktop Entry]
Type=Application
Version=1.0
Name=要点编写助手
Name[zh_CN]=要点编写助手
Name[en]=PlanDesk
GenericName=年度工作要点编写
GenericName[zh_CN]=年度工作要点编写
GenericName[en]=Annual work plan editor
Comment=编写、检查、比对年度教育工作要点，导出公文格式的 Word 文档
Comment[zh_CN]=编写、检查、比对年度教育工作要点，导出公文格式的 Word 文档
Comment[en]=Write, check and compare annual education work plans; export them as official Word documents
Keywords=要点;工作要点;公文;教育;检查;校对;plan;
Exec=plandesk %f
TryExec=plandesk
Icon=plandesk
Terminal=false
Categories=Office;WordProcessor;
MimeType=application/x-plandesk-plan;
StartupNotify=true
StartupWMClass=PlanDesk
EOF

cat >"$STAGE/usr/share/mime/packages/plandesk.xml" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<mime-info xmlns="http://www.freedesktop.org/standards/shared-mime-info">
  <mime-type type="application/x-plandesk-plan">
    <comment>PlanDesk plan draft</comment>
    <comment xml:lang="zh_CN">要点草稿</comment>
    <sub-class-of type="application/x-yaml"/>
    <icon name="plandesk"/>
    <glob pattern="*.plan.yaml" weight="60"/>
  </mime-type>
</mime-info>
EOF

for size in $ICON_SIZES; do
    mkdir -p "$STAGE/usr/share/icons/hicolor/${size}x${size}/apps"
    cp "$HERE/icons/plandesk-$size.png" "$STAGE/usr/share/icons/hicolor/${size}x${size}/apps/plandesk.png"
done

cat >"$STAGE/usr/share/doc/plandesk/copyright" <<'EOF'
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: PlanDesk (要点编写助手)
Comment: /opt/plandesk bundles CPython (PSF-2.0), Qt 6 through PySide6 (LGPL-3.0, see
 /usr/share/common-licenses/LGPL-3), jieba (MIT), OpenCC (Apache-2.0), python-docx (MIT),
 lxml (BSD-3-Clause), PyYAML (MIT), RapidFuzz (MIT), cn2an (MIT), proces (MIT) and platformdirs
 (MIT). Each package's metadata, with its licence text where the package ships one, is in
 /opt/plandesk/_internal/<name>.dist-info.

Files: *
Copyright: 2026 PlanDesk authors
License: MIT
EOF
printf 'plandesk (%s) unstable; urgency=medium\n\n  * Built from the PlanDesk repository.\n\n -- %s  %s\n' \
    "$VERSION" "$MAINTAINER" "$(date -R)" | gzip -9n >"$STAGE/usr/share/doc/plandesk/changelog.gz"

# Everything readable, nothing writable but by root, and no stray modes from the build tree.
find "$STAGE" -type d -exec chmod 0755 {} +
find "$STAGE" -type f -exec chmod go-w {} +
find "$STAGE" -type f -name '*.so*' -exec chmod a-x {} +
chmod 0755 "$STAGE/usr/bin/plandesk" "$STAGE$PREFIX/plandesk"

# --- dependencies: the system libraries the bundle's ELF files need, with versions ------------------
# dpkg-shlibdeps resolves every NEEDED library: the bundled ones (-S: found in the package tree) are
# private; the rest (X11/xcb, EGL/GL, fontconfig, glib, D-Bus, libstdc++, glibc) become Depends with
# the minimum versions the symbols require.
mapfile -t elves < <(find "$STAGE$PREFIX" -type f \( -name '*.so' -o -name '*.so.*' -o -path "*$PREFIX/plandesk" \) \
    -exec sh -c 'head -c 4 "$1" | grep -q "ELF" && echo "$1"' _ {} \;)
SHLIBS=$WORK/shlibs
rm -rf "$SHLIBS" && mkdir -p "$SHLIBS/debian"
printf 'Source: plandesk\n\nPackage: plandesk\nArchitecture: any\n' >"$SHLIBS/debian/control"
# A bundled library (OpenSSL 3, libffi …) would otherwise be matched with the system's package of the
# same soname; declared here as provided by plandesk itself (-xplandesk drops that), it adds nothing.
for elf in "${elves[@]}"; do
    objdump -p "$elf" | sed -n 's/^ *SONAME *//p'
done | sort -u | sed -n -e 's/^\(.*\)\.so\.\([0-9.]*\)$/\1 \2 plandesk/p' -e 's/^\(.*\)-\([0-9.]*\)\.so$/\1 \2 plandesk/p' \
    >"$SHLIBS/debian/shlibs.local"
libdirs=()
while IFS= read -r dir; do libdirs+=("-l$dir"); done < <(
    find "$STAGE$PREFIX" \( -name '*.so' -o -name '*.so.*' \) -printf '%h\n' | sort -u)
DEPENDS=$(cd "$SHLIBS" && dpkg-shlibdeps -O -xplandesk -S"$STAGE" "${libdirs[@]}" "${elves[@]}" 2>"$WORK/shlibdeps.log" \
    | sed -n 's/^shlibs:Depends=//p') \
    || { cat "$WORK/shlibdeps.log" >&2; die "dpkg-shlibdeps failed (are the runtime libraries installed?)"; }
[ -n "$DEPENDS" ] || { cat "$WORK/shlibdeps.log" >&2; die "dpkg-shlibdeps found no dependencies"; }
GLIBC=$(sed -n 's/.*libc6 (>= \([0-9.]*\)).*/\1/p' <<<"$DEPENDS")

INSTALLED_KB=$(du -sk --exclude=DEBIAN "$STAGE" | cut -f1)
cat >"$STAGE/DEBIAN/control" <<EOF
Package: plandesk
Version: $VERSION
Architecture: $ARCH
Maintainer: $MAINTAINER
Installed-Size: $INSTALLED_KB
Depends: $DEPENDS
Recommends: fonts-noto-cjk | fonts-wqy-microhei | fonts-wqy-zenhei
Suggests: libreoffice-writer | wps-office
Section: text
Priority: optional
Description: 要点编写助手 — write and check annual education work plans
 PlanDesk helps the writers of annual education work plans (年度教育工作要点):
 it shows the outline, checks numbering, punctuation, numbers, dates and
 wording against GB/T 15834, GB/T 15835 and GB/T 9704, lists the themes a
 plan of its kind should cover, compares it with last year's plan, and
 exports a Word document in the official-document format.
 .
 The program is self-contained in /opt/plandesk (Python and Qt included).
EOF

# --- the .deb ----------------------------------------------------------------------------------------
# xz, not zstd: the dpkg of older Kylin/UOS releases cannot read zstd members.
mkdir -p "$OUT"
rm -f "$DEB"
fakeroot dpkg-deb --root-owner-group -Zxz --build "$STAGE" "$DEB" >/dev/null

echo "build_deb: $DEB"
echo "  package size:   $(du -h "$DEB" | cut -f1) ($(stat -c %s "$DEB") bytes)"
echo "  installed size: $((INSTALLED_KB / 1024)) MiB ($INSTALLED_KB KiB)"
echo "  depends:        $DEPENDS"
echo "  needs glibc >= $GLIBC (Kylin V10: 2.31, UOS 20: 2.28; build on the oldest target)"
