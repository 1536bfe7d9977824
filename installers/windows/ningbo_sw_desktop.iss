; Inno Setup 6 script for Ningbo Social Work Desktop (Windows x64). Built by build.ps1, which passes
;   /DAppVersion=<version>   the package version (ningbo_sw_desktop.__version__)
;   /DSourceDir=<folder>     the PyInstaller one-folder app (ningbo-sw.exe, ningbo-sw-desktop.exe, _internal\)
; Saved as UTF-8 with a byte-order mark so the compiler reads the Chinese text correctly.
;
; Installs for the current user by default (no administrator rights: %LOCALAPPDATA%\Programs), or for all
; users when run as administrator. The uninstaller removes the program only: the database, backups, keys
; and logs in %LOCALAPPDATA%\ningbo-sw-desktop belong to the user and are kept.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=0.1.0 ningbo_sw_desktop.iss
#endif
#ifndef SourceDir
  #define SourceDir "..\..\build\pyinstaller\dist\ningbo-sw-desktop"
#endif
#define AppName "Ningbo Social Work Desktop"
#define GuiExe "ningbo-sw-desktop.exe"
#define CliExe "ningbo-sw.exe"
#define ProgId "NingboSW.Bundle"

[Setup]
; AppId identifies the product for upgrades and uninstall: never change it.
AppId={{28115062-A241-4B31-A745-EE7D1ED58B40}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Ningbo Social Work Desktop
VersionInfoVersion={#AppVersion}
VersionInfoProductName={#AppName}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\..\dist
OutputBaseFilename=ningbo-sw-desktop-{#AppVersion}-windows-x64-setup
SetupIconFile=..\..\resources\icons\ningbo-sw.ico
UninstallDisplayIcon={app}\{#GuiExe}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ChangesAssociations=yes
CloseApplications=yes
ShowLanguageDialog=auto

[Languages]
; Simplified Chinese first: it is the default for a Chinese Windows and for anyone else not matched below.
#if FileExists(CompilerPath + "Languages\ChineseSimplified.isl")
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#elif FileExists(SourcePath + "ChineseSimplified.isl")
Name: "chinesesimplified"; MessagesFile: "ChineseSimplified.isl"
#else
  #error ChineseSimplified.isl not found: build.ps1 downloads it next to this script
#endif
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
chinesesimplified.AppTitle=宁波社工桌面
english.AppTitle=Ningbo Social Work Desktop
chinesesimplified.SelfTestTitle=宁波社工桌面 自检
english.SelfTestTitle=Ningbo Social Work Desktop self-test
chinesesimplified.BundleType=宁波社工同步包
english.BundleType=Ningbo social work sync bundle
chinesesimplified.DataKept=已卸载程序。您的数据库、备份和设备密钥仍保留在：%n%1
english.DataKept=The program was removed. Your database, backups and device keys are kept in:%n%1

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the libraries as a whole, so none of the previous version's files linger.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{cm:AppTitle}"; Filename: "{app}\{#GuiExe}"; Comment: "{#AppName}"
Name: "{autoprograms}\{cm:SelfTestTitle}"; Filename: "{cmd}"; Parameters: "/k """"{app}\{#CliExe}"" self-test"""; \
    WorkingDir: "{app}"; IconFilename: "{app}\{#GuiExe}"
Name: "{autodesktop}\{cm:AppTitle}"; Filename: "{app}\{#GuiExe}"; Tasks: desktopicon

[Registry]
; .nbsync: double-click opens the bundle in the app (HKA = the current user, or all users when installed by an admin).
Root: HKA; Subkey: "Software\Classes\.nbsync"; ValueType: string; ValueName: ""; ValueData: "{#ProgId}"; \
    Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.nbsync\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; \
    ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "{cm:BundleType}"; \
    Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; \
    ValueData: "{app}\{#GuiExe},0"
Root: HKA; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; \
    ValueData: """{app}\{#GuiExe}"" ""%1"""
Root: HKA; Subkey: "Software\Classes\Applications\{#GuiExe}\SupportedTypes"; ValueType: string; \
    ValueName: ".nbsync"; ValueData: ""; Flags: uninsdeletekey

[Run]
Filename: "{app}\{#GuiExe}"; Description: "{cm:LaunchProgram,{cm:AppTitle}}"; Flags: nowait postinstall skipifsilent

[Code]
{ The app keeps its data in %LOCALAPPDATA%\ningbo-sw-desktop (platformdirs); the uninstaller leaves it there and says so. }
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and not UninstallSilent() then
    MsgBox(FmtMessage(CustomMessage('DataKept'), [ExpandConstant('{localappdata}\ningbo-sw-desktop')]),
           mbInformation, MB_OK);
end;
