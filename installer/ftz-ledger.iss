; Inno Setup 6 script of FTZ Ledger (自贸协同台账): a per-user installer, no admin rights.
;
; Build the bundle first (scripts/build_frozen.sh or the Windows workflow), then:
;   iscc installer\ftz-ledger.iss            -> dist\installer\ftz-ledger-setup-<version>.exe
; The version is read from the bundled ftz-ledger.exe, whose version resource build.spec
; writes from pyproject.toml; /DAppVersion=x.y.z overrides it.
;
; Data (database, backups) lives in the user data folder %LOCALAPPDATA%\ftz-ledger and
; settings under HKCU\Software\FTZLedger, never in the install folder: an upgrade
; replaces the program only, and uninstalling keeps the data unless the clerk says so.

#define AppName "FTZ Ledger"
#define AppTitle "FTZ Ledger 自贸协同台账"
#define AppExe "ftz-ledger.exe"
#define BundleDir "..\dist\ftz-ledger"
#define DataDirName "ftz-ledger"
#define SettingsKey "Software\FTZLedger"
#ifndef AppVersion
  #define AppVersion GetStringFileInfo(AddBackslash(AddBackslash(SourcePath) + BundleDir) + AppExe, "ProductVersion")
#endif
#if AppVersion == ""
  #error No version: build the bundle first (it carries pyproject's version) or pass /DAppVersion=x.y.z
#endif

[Setup]
; The AppId ties every version together: a new installer upgrades the old one in place.
AppId={{6D0B7E35-2C9A-4F1E-8B47-3A5E9C1D2F80}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppTitle} {#AppVersion}
AppPublisher=Sichuan-Chongqing FTZ collaboration
; Per user, without admin rights: {autopf} is then %LOCALAPPDATA%\Programs.
PrivilegesRequired=lowest
DefaultDirName={autopf}\{#AppName}
UsePreviousAppDir=yes
DisableProgramGroupPage=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
CloseApplications=yes
RestartApplications=no
SetupIconFile=ftz-ledger.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppTitle}
OutputDir=..\dist\installer
OutputBaseFilename=ftz-ledger-setup-{#AppVersion}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=auto
LanguageDetectionMethod=uilanguage
VersionInfoProductTextVersion={#AppVersion}

[Languages]
; Chinese first: it is chosen when Windows' display language is not English.
; Our own Chinese messages (installer/ChineseSimplified-ftz.isl) over the English defaults.
Name: "chinesesimplified"; MessagesFile: "compiler:Default.isl,ChineseSimplified-ftz.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
chinesesimplified.DeleteDataPrompt=是否同时删除台账数据（数据库、备份和设置）？%n%n数据文件夹：%1%n%n选“否”保留数据，重新安装后可继续使用。删除后无法恢复。
english.DeleteDataPrompt=Also delete the ledger's data (database, backups and settings)?%n%nData folder: %1%n%nChoose No to keep the data for a later reinstall. Deleted data cannot be recovered.

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[InstallDelete]
; Upgrade in place: drop the old version's libraries so none is left over; the data
; is not here (see the top of this file).
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppTitle}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{userdocs}"
Name: "{autodesktop}\{#AppTitle}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{userdocs}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppTitle}}"; Flags: nowait postinstall skipifsilent

[Code]
function DataDir(): String;
begin
  Result := ExpandConstant('{localappdata}\{#DataDirName}');
end;

{ Uninstalling keeps the clerk's records unless asked; a silent uninstall always keeps them. }
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and not UninstallSilent() and DirExists(DataDir()) then
  begin
    if MsgBox(FmtMessage(CustomMessage('DeleteDataPrompt'), [DataDir()]),
              mbConfirmation, MB_YESNO or MB_DEFBUTTON2) = IDYES then
    begin
      DelTree(DataDir(), True, True, True);
      RegDeleteKeyIncludingSubkeys(HKEY_CURRENT_USER, '{#SettingsKey}');
    end;
  end;
end;
