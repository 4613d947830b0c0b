; NSIS script: EcoLedger for one Windows user, no administrator rights, built on Linux by
; build_windows.sh (makensis -DVERSION -DPAYLOAD -DOUTFILE -DICON). Installs into
; %LOCALAPPDATA%\Programs\EcoLedger; the ledger lives in %LOCALAPPDATA%\EcoLedger
; (platformdirs) and the uninstaller never touches it.
Unicode true
Target amd64-unicode
RequestExecutionLevel user
SetCompressor /SOLID lzma

!define APPNAME "EcoLedger"
!define APPNAME_ZH "生态环境整改台账"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\EcoLedger"

Name "${APPNAME_ZH} ${VERSION}"
OutFile "${OUTFILE}"
Icon "${ICON}"
UninstallIcon "${ICON}"
InstallDir "$LOCALAPPDATA\Programs\${APPNAME}"
InstallDirRegKey HKCU "Software\${APPNAME}" "InstallDir"
ShowInstDetails nevershow

!include "MUI2.nsh"
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "SimpChinese"

Section "Install"
  SetShellVarContext current
  ; A newer setup replaces the program, never the data.
  RMDir /r "$INSTDIR\python"
  RMDir /r "$INSTDIR\app"
  SetOutPath "$INSTDIR"
  File /r "${PAYLOAD}\*"
  WriteUninstaller "$INSTDIR\Uninstall.exe"
  CreateDirectory "$SMPROGRAMS\${APPNAME_ZH}"
  CreateShortCut "$SMPROGRAMS\${APPNAME_ZH}\${APPNAME_ZH}.lnk" "$INSTDIR\python\pythonw.exe" \
    '"$INSTDIR\app\ecoledger.pyw"' "$INSTDIR\app\ecoledger.ico"
  CreateShortCut "$SMPROGRAMS\${APPNAME_ZH}\卸载${APPNAME_ZH}.lnk" "$INSTDIR\Uninstall.exe"
  WriteRegStr HKCU "Software\${APPNAME}" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${APPNAME} ${APPNAME_ZH}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\app\ecoledger.ico"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\Uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\Uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
SectionEnd

Section "Uninstall"
  SetShellVarContext current
  ; Only what the setup installed: %LOCALAPPDATA%\EcoLedger (the ledger, backups,
  ; settings) stays, and a later install finds it again.
  RMDir /r "$INSTDIR\python"
  RMDir /r "$INSTDIR\app"
  Delete "$INSTDIR\ecoledger-cli.cmd"
  Delete "$INSTDIR\Uninstall.exe"
  RMDir "$INSTDIR"
  RMDir /r "$SMPROGRAMS\${APPNAME_ZH}"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  DeleteRegKey HKCU "Software\${APPNAME}"
SectionEnd
