; Inno Setup 6 script for r2desk: installs the PyInstaller one-folder build (dist\r2desk),
; a Start menu entry, an optional desktop icon, and an uninstaller.
;
;   iscc /DAppVersion=0.1.0 packaging\windows\r2desk.iss
;
; Run from the repository root after `pyinstaller packaging\r2desk.spec` (see build.ps1).
; Per-user install without admin rights is offered (/CURRENTUSER on the command line).

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#define AppName "r2desk"
#define AppExe "r2desk.exe"
#define Root "..\.."

[Setup]
; AppId identifies r2desk to Windows' uninstaller list: never change it between releases.
AppId={{F01A3A59-58D5-46B4-B43F-B1CECC428FA4}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=r2desk developers
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=admin
PrivilegesRequiredOverridesAllowed=dialog commandline
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
OutputDir={#Root}\dist
OutputBaseFilename=r2desk-{#AppVersion}-windows-x64-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
LicenseFile={#Root}\packaging\windows\LICENSE.txt
#if FileExists(AddBackslash(SourcePath) + Root + "\build\icons\r2desk.ico")
SetupIconFile={#Root}\build\icons\r2desk.ico
#endif

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole one-folder build: r2desk.exe (windowed), r2desk-cli.exe (console) and _internal\.
Source: "{#Root}\dist\r2desk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An upgrade replaces the bundle wholesale: stale modules from an older build must not linger.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "File manager for Cloudflare R2 and S3-compatible storage"
Name: "{autoprograms}\{#AppName} (demo)"; Filename: "{app}\{#AppExe}"; Parameters: "--demo"; Comment: "r2desk on a local demo bucket, no account needed"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Nothing is written into {app} at run time, but leave no empty folder behind.
Type: dirifempty; Name: "{app}"
