; Inno Setup 6 script: EcoLedger for one Windows user, no administrator rights.
; Build on Windows with build.ps1 beside this file (it passes /DAppVersion from pyproject).
; Installs to %LOCALAPPDATA%\Programs\EcoLedger. The ledger itself lives elsewhere, in
; %LOCALAPPDATA%\EcoLedger (platformdirs' user data dir): the uninstaller removes only the
; files it installed, so the data directory and the ledger are left alone.

#ifndef AppVersion
  #error Pass the version: ISCC /DAppVersion=0.1.0 ecoledger.iss (build.ps1 does)
#endif
#define AppName "EcoLedger"
#define AppNameZh "生态环境整改台账"
#define AppExe "ecoledger.exe"
#define Bundle "..\..\build\package\dist\ecoledger"

[Setup]
; A fixed AppId: a newer setup upgrades the installed one in place.
AppId={{6F1D3C2A-8B4E-4E7A-9C51-2D7B0E9A4F63}
AppName={#AppName} {#AppNameZh}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppNameZh} {#AppVersion}
AppPublisher=EcoLedger
VersionInfoVersion={#AppVersion}
; Per user, never elevated: {autopf} is then %LOCALAPPDATA%\Programs.
PrivilegesRequired=lowest
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppNameZh}
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
SetupIconFile=ecoledger.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName} {#AppNameZh}
OutputDir=..\..\dist
OutputBaseFilename=EcoLedger-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=auto
; Close a running EcoLedger before replacing its files.
CloseApplications=yes

[Languages]
Name: "zh_CN"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole PyInstaller one-folder bundle (ecoledger.exe, ecoledger-cli.exe, _internal\).
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "ecoledger.ico"; DestDir: "{app}"; Flags: ignoreversion

[InstallDelete]
; Files of an older version that the new bundle no longer has.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{group}\{#AppNameZh}"; Filename: "{app}\{#AppExe}"; IconFilename: "{app}\ecoledger.ico"; Comment: "{#AppName}"
Name: "{group}\{cm:UninstallProgram,{#AppNameZh}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppNameZh}"; Filename: "{app}\{#AppExe}"; IconFilename: "{app}\ecoledger.ico"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppNameZh}}"; Flags: nowait postinstall skipifsilent

; No uninstall-delete entry names %LOCALAPPDATA%\EcoLedger: the ledger, its backups and
; settings survive an uninstall and are found again by a later install.
