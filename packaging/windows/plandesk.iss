; PlanDesk (要点编写助手): the Windows installer, built with Inno Setup 6 from PyInstaller's output.
;
; NOT BUILT OR TESTED in the repository's environment (Linux). The steps are in packaging/README.md:
; build the bundle with packaging/plandesk.spec on Windows, then
;     & "$env:ProgramFiles (x86)\Inno Setup 6\ISCC.exe" packaging\windows\plandesk.iss
; The installer is written to packaging\dist\PlanDesk-<version>-setup.exe.
;
; This file is UTF-8 with a byte-order mark: Inno Setup reads Chinese text correctly only so.

#define AppName "要点编写助手"
; The preprocessor resolves paths from the compiler's working folder, so its checks use absolute ones.
#define Bundle AddBackslash(SourcePath) + "..\dist\plandesk"
#if !FileExists(Bundle + "\plandeskw.exe")
  #error "No bundle: build packaging\dist\plandesk with PyInstaller and packaging\plandesk.spec first"
#endif
; The version is the one the spec wrote into the executable (from pyproject.toml); /DAppVersion=... overrides.
#ifndef AppVersion
  #define AppVersion GetStringFileInfo(Bundle + "\plandesk.exe", "ProductVersion")
#endif

; Simplified Chinese messages: ChineseSimplified.isl is not among Inno Setup 6's official
; translations (it comes from the unofficial ones on jrsoftware.org, or from a newer Inno Setup
; that ships it). It is used when it is in the compiler's Languages folder or beside this script;
; otherwise the installer falls back to English (Default.isl). Its own texts below are Chinese either way.
#if FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")
  #define ZhMessages "compiler:Languages\ChineseSimplified.isl"
#elif FileExists(AddBackslash(SourcePath) + "ChineseSimplified.isl")
  #define ZhMessages AddBackslash(SourcePath) + "ChineseSimplified.isl"
#endif

[Setup]
AppId={{BCE703B7-295C-4B67-B67A-D7F9A826E72D}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=PlanDesk
VersionInfoVersion={#AppVersion}
VersionInfoDescription={#AppName} 安装程序
DefaultDirName={autopf}\PlanDesk
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; Installs for the current user without administrator rights, or for all users when run as administrator.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
; Qt 6 runs on 64-bit Windows 10 and later only.
MinVersion=10.0
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
ChangesAssociations=yes
; Relative paths in [Setup] and [Files] are relative to this script's folder.
OutputDir=..\dist
OutputBaseFilename=PlanDesk-{#AppVersion}-setup
SetupIconFile=..\icons\plandesk.ico
UninstallDisplayIcon={app}\plandeskw.exe
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern

[Languages]
#ifdef ZhMessages
Name: "chinesesimplified"; MessagesFile: "{#ZhMessages}"
#else
Name: "english"; MessagesFile: "compiler:Default.isl"
#endif

[Tasks]
Name: "desktopicon"; Description: "在桌面创建“{#AppName}”快捷方式"; GroupDescription: "快捷方式："

[Files]
Source: "..\dist\plandesk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\plandeskw.exe"; Comment: "编写、检查、比对年度教育工作要点"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\plandeskw.exe"; Tasks: desktopicon

[Registry]
; The draft file type. Windows chooses a program by the LAST extension only, so *.plan.yaml cannot be
; told apart from other *.yaml files: the app is offered under "Open with" for .yaml files (and made the
; default for no one's .yaml); opening a draft from Explorer is "Open with > 要点编写助手" once, then
; "Always". .txt and .docx get the same "Open with" entry.
Root: HKA; Subkey: "Software\Classes\PlanDesk.Plan"; ValueType: string; ValueName: ""; ValueData: "要点草稿"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\PlanDesk.Plan\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\plandeskw.exe,0"
Root: HKA; Subkey: "Software\Classes\PlanDesk.Plan\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\plandeskw.exe"" ""%1"""
Root: HKA; Subkey: "Software\Classes\.yaml\OpenWithProgids"; ValueType: string; ValueName: "PlanDesk.Plan"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\Applications\plandeskw.exe"; ValueType: string; ValueName: "FriendlyAppName"; ValueData: "{#AppName}"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Applications\plandeskw.exe\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\plandeskw.exe"" ""%1"""
Root: HKA; Subkey: "Software\Classes\Applications\plandeskw.exe\SupportedTypes"; ValueType: string; ValueName: ".yaml"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\Applications\plandeskw.exe\SupportedTypes"; ValueType: string; ValueName: ".txt"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\Applications\plandeskw.exe\SupportedTypes"; ValueType: string; ValueName: ".docx"; ValueData: ""

[Run]
Filename: "{app}\plandeskw.exe"; Description: "启动“{#AppName}”"; Flags: nowait postinstall skipifsilent
