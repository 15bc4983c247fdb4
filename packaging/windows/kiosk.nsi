; The kiosk's Windows installer (NSIS 3, makensis on Windows or Linux). Built by `./run bundle` and
; .github/workflows/windows-bundle.yml:
;
;   makensis /DBUNDLE_DIR=dist\kiosk /DVCREDIST=path\to\vc_redist.x64.exe /DVERSION=0.1.0 packaging\windows\kiosk.nsi
;
; Inputs: BUNDLE_DIR, the PyInstaller bundle (packaging/kiosk.spec, built on Windows: kiosk.exe and
; _internal\); VCREDIST, Microsoft's VC++ 2015-2022 x64 runtime installer (onnxruntime needs a current
; one; it cannot be fetched by this build: the vendor downloads it from Microsoft and passes it in).
; Either missing stops the build with a message. /DCI_TEST_BUILD is the one exception, for CI on Linux,
; which has neither (its bundle is a Linux one): it checks that the script compiles and packs, and the
; installer it makes refuses to install anything (kiosk-setup-CI-TEST.exe).
;
; What installing does (docs/windows.md): the bundle to Program Files\Kiosk; the VC++ runtime, silently,
; unless one as new is there; the kiosk's Windows account with auto-logon (lockdown.ps1 -Stage Account);
; C:\ProgramData\Kiosk with its data and key folders, readable only by that account and Administrators
; (icacls); kiosk.toml there and KIOSK_CONFIG pointing at it; the lockdown: Device Lockdown features and
; the start-up task that applies them (lockdown.ps1 -Stage Features, -Stage Register); an uninstaller.
; Silent install for a technician's script:
;   kiosk-setup.exe /S [/ACCOUNT=kiosk] [/OPENS=8] [/CLOSES=19] [/NOLOCKDOWN]
; (/NOLOCKDOWN: a bench PC at the vendor's, no account, no auto-logon, no shell change.)

Unicode true
Target amd64-unicode
ManifestDPIAware true
RequestExecutionLevel admin
!ifdef CI_TEST_BUILD
  ; The Linux check packs 640 MB for nothing: uncompressed it takes seconds, zlib 100 s, LZMA over 4 min.
  SetCompress off
!else
  SetCompressor /SOLID lzma
  SetCompressorDictSize 64
!endif

!include MUI2.nsh
!include LogicLib.nsh
!include FileFunc.nsh
!include WinVer.nsh
!include x64.nsh

!ifndef BUNDLE_DIR
  !error "BUNDLE_DIR is not set: makensis /DBUNDLE_DIR=dist\kiosk ... (the PyInstaller bundle of packaging/kiosk.spec)"
!endif
!ifndef VERSION
  !define VERSION "0.0.0" ; three numbers: the file version is VERSION.0
!endif
!ifndef OUTFILE
  !ifdef CI_TEST_BUILD
    !define OUTFILE "kiosk-setup-CI-TEST.exe"
  !else
    !define OUTFILE "kiosk-setup-${VERSION}.exe"
  !endif
!endif

!ifdef CI_TEST_BUILD
  !warning "CI_TEST_BUILD: no VC++ runtime, any bundle; the installer made refuses to install"
!else
  !if ! /FileExists "${BUNDLE_DIR}\kiosk.exe"
    !error "${BUNDLE_DIR}\kiosk.exe is missing: BUNDLE_DIR must be the Windows bundle (pyinstaller packaging\kiosk.spec on Windows)"
  !endif
  !if ! /FileExists "${BUNDLE_DIR}\kiosk-cli.exe"
    !error "${BUNDLE_DIR}\kiosk-cli.exe is missing: BUNDLE_DIR must be the Windows bundle (pyinstaller packaging\kiosk.spec on Windows)"
  !endif
  !ifndef VCREDIST
    !error "VCREDIST is not set: download vc_redist.x64.exe (VC++ 2015-2022, x64) from Microsoft and pass /DVCREDIST=path\vc_redist.x64.exe"
  !endif
  !if ! /FileExists "${VCREDIST}"
    !error "VCREDIST=${VCREDIST} does not exist"
  !endif
  ; The runtime's version, read from the file now, compared at install time with the one installed.
  !getdllversion "${VCREDIST}" VCREDIST_
  !if "${VCREDIST_2}" == ""
    !error "VCREDIST=${VCREDIST} has no version resource: it is not vc_redist.x64.exe"
  !endif
  !echo "VC++ runtime in the installer: ${VCREDIST_1}.${VCREDIST_2}.${VCREDIST_3}"
!endif

!define PRODUCT "Kiosk"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\Kiosk"
!define ENVIRONMENT_KEY "SYSTEM\CurrentControlSet\Control\Session Manager\Environment"
!define ADMINISTRATORS "*S-1-5-32-544"
!define POWERSHELL "$SYSDIR\WindowsPowerShell\v1.0\powershell.exe"
!define PS_TIMEOUT 900000 ; ms: enabling the lockdown features can take minutes

Name "${PRODUCT} ${VERSION}"
VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=0 "ProductName" "${PRODUCT}"
VIAddVersionKey /LANG=0 "FileDescription" "${PRODUCT} installer"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "LegalCopyright" " "
OutFile "${OUTFILE}"
InstallDir "$PROGRAMFILES64\Kiosk"
BrandingText " "
ShowInstDetails show
ShowUninstDetails show

Var Account
Var Opens
Var Closes
Var Lockdown
Var DataRoot
Var Staff

!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_NOAUTOCLOSE
!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "Japanese"
!insertmacro MUI_LANGUAGE "English"

LangString TestBuild ${LANG_JAPANESE} "これは CI の試験用にビルドしたインストーラーです。何もインストールしません。"
LangString TestBuild ${LANG_ENGLISH} "This installer is a CI test build. It installs nothing."
LangString NeedsWindows10 ${LANG_JAPANESE} "Windows 10 または 11（64 ビット）が必要です。"
LangString NeedsWindows10 ${LANG_ENGLISH} "Windows 10 or 11 (64-bit) is needed."
LangString RuntimeFailed ${LANG_JAPANESE} "Visual C++ ランタイムをインストールできませんでした（コード $0）。業者に連絡してください。"
LangString RuntimeFailed ${LANG_ENGLISH} "The Visual C++ runtime could not be installed (code $0). Call your vendor."
LangString StepFailed ${LANG_JAPANESE} "設定の途中で失敗しました（$1、コード $0）。詳細を業者に伝えてください。"
LangString StepFailed ${LANG_ENGLISH} "A setup step failed ($1, code $0). Give the details to your vendor."
LangString StaffLater ${LANG_JAPANESE} "職員アカウント（$Staff）を作れませんでした。キオスクは使えます。あとで docs/windows.md の手順で作ってください。"
LangString StaffLater ${LANG_ENGLISH} "The staff account ($Staff) was not made. The kiosk works; make it later as docs/windows.md says."
LangString AclFailed ${LANG_JAPANESE} "フォルダーの権限を設定できませんでした（$1）。業者に連絡してください。"
LangString AclFailed ${LANG_ENGLISH} "The folder permissions could not be set ($1). Call your vendor."

Function .onInit
  !ifdef CI_TEST_BUILD
    MessageBox MB_ICONSTOP|MB_OK "$(TestBuild)" /SD IDOK
    SetErrorLevel 2
    Abort
  !endif
  ${IfNot} ${RunningX64}
  ${OrIfNot} ${AtLeastWin10}
    MessageBox MB_ICONSTOP|MB_OK "$(NeedsWindows10)" /SD IDOK
    SetErrorLevel 2
    Abort
  ${EndIf}
  SetRegView 64
  SetShellVarContext all
  ${GetParameters} $R0
  ${GetOptions} $R0 "/ACCOUNT=" $Account
  ${If} $Account == ""
    StrCpy $Account "kiosk"
  ${EndIf}
  ${GetOptions} $R0 "/OPENS=" $Opens
  ${If} $Opens == ""
    StrCpy $Opens "8"
  ${EndIf}
  ${GetOptions} $R0 "/CLOSES=" $Closes
  ${If} $Closes == ""
    StrCpy $Closes "19"
  ${EndIf}
  ; The first staff account: asked for in an interactive install (name "admin" unless /STAFF= says),
  ; in a silent one only with /STAFF= (its password is typed in a console window either way).
  ${GetOptions} $R0 "/STAFF=" $Staff
  ${If} $Staff == ""
  ${AndIfNot} ${Silent}
    StrCpy $Staff "admin"
  ${EndIf}
  StrCpy $Lockdown "1"
  ClearErrors
  ${GetOptions} $R0 "/NOLOCKDOWN" $R1
  ${IfNot} ${Errors}
    StrCpy $Lockdown "0"
  ${EndIf}
  StrCpy $DataRoot "$APPDATA\Kiosk" ; all users' AppData: C:\ProgramData\Kiosk
FunctionEnd

; lockdown.ps1 with a stage; $1 names the step for a failure message. Fails the install unless it exits 0
; (or 3010: Windows must restart, which the finish page offers anyway).
!macro Lockdown STAGE
  StrCpy $1 "lockdown.ps1 -Stage ${STAGE}"
  DetailPrint "$1"
  nsExec::ExecToLog /TIMEOUT=${PS_TIMEOUT} '"${POWERSHELL}" -NoProfile -NonInteractive -ExecutionPolicy Bypass -File "$INSTDIR\setup\lockdown.ps1" -Stage ${STAGE} -Account $Account -InstallDir "$INSTDIR" -ClinicOpens $Opens -ClinicCloses $Closes -StaffName "$Staff" -Config "$DataRoot\kiosk.toml"'
  Pop $0
  ${If} $0 == "3010"
    SetRebootFlag true
  ${ElseIf} $0 != "0"
    MessageBox MB_ICONSTOP|MB_OK "$(StepFailed)" /SD IDOK
    SetErrorLevel 2
    Abort
  ${EndIf}
!macroend

; icacls on one folder: only Administrators (full) and the kiosk account (RIGHTS) from now on, inherited by
; everything inside; no inherited entries (Users, CREATOR OWNER) from C:\ProgramData.
!macro Restrict FOLDER RIGHTS
  StrCpy $1 "icacls ${FOLDER}"
  nsExec::ExecToLog /TIMEOUT=60000 'icacls "${FOLDER}" /inheritance:r /grant:r "${ADMINISTRATORS}:(OI)(CI)F" "$Account:(OI)(CI)${RIGHTS}"'
  Pop $0
  ${If} $0 != "0"
    MessageBox MB_ICONSTOP|MB_OK "$(AclFailed)" /SD IDOK
    SetErrorLevel 2
    Abort
  ${EndIf}
  nsExec::ExecToLog /TIMEOUT=60000 'icacls "${FOLDER}" /setowner "${ADMINISTRATORS}" /T /C'
  Pop $0
!macroend

Section "Kiosk" SecKiosk
  SectionIn RO
  SetOutPath "$INSTDIR"
  File /r "${BUNDLE_DIR}\*.*"
  SetOutPath "$INSTDIR\setup"
  File "lockdown.ps1"
  File "ShellLauncher.xml"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayName" "${PRODUCT}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "Publisher" "${PRODUCT}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKLM "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "EstimatedSize" $0
SectionEnd

!ifndef CI_TEST_BUILD
Section "Visual C++ 2015-2022 runtime (x64)" SecRuntime
  SectionIn RO
  ; Installed and at least as new as ours: HKLM\...\VC\Runtimes\x64 Installed=1, Major.Minor.Bld.
  ReadRegDWORD $2 HKLM "SOFTWARE\Microsoft\VisualStudio\14.0\VC\Runtimes\x64" "Installed"
  ReadRegDWORD $3 HKLM "SOFTWARE\Microsoft\VisualStudio\14.0\VC\Runtimes\x64" "Minor"
  ReadRegDWORD $4 HKLM "SOFTWARE\Microsoft\VisualStudio\14.0\VC\Runtimes\x64" "Bld"
  ${If} $2 == 1
  ${AndIf} $3 > ${VCREDIST_2}
    DetailPrint "VC++ runtime 14.$3.$4 is installed (newer than ${VCREDIST_1}.${VCREDIST_2}.${VCREDIST_3})"
    Return
  ${EndIf}
  ${If} $2 == 1
  ${AndIf} $3 == ${VCREDIST_2}
  ${AndIf} $4 >= ${VCREDIST_3}
    DetailPrint "VC++ runtime 14.$3.$4 is installed"
    Return
  ${EndIf}
  DetailPrint "installing the VC++ runtime ${VCREDIST_1}.${VCREDIST_2}.${VCREDIST_3}"
  InitPluginsDir
  SetOutPath "$PLUGINSDIR"
  File "/oname=vc_redist.x64.exe" "${VCREDIST}"
  nsExec::ExecToLog /TIMEOUT=600000 '"$PLUGINSDIR\vc_redist.x64.exe" /install /quiet /norestart'
  Pop $0
  ; 1638: a newer one is installed; 3010: installed, Windows restarts to finish.
  ${If} $0 == "3010"
    SetRebootFlag true
  ${ElseIf} $0 != "0"
  ${AndIf} $0 != "1638"
    MessageBox MB_ICONSTOP|MB_OK "$(RuntimeFailed)" /SD IDOK
    SetErrorLevel 2
    Abort
  ${EndIf}
  SetOutPath "$INSTDIR"
SectionEnd
!endif

Section "Account, folders and lockdown" SecSetup
  SectionIn RO
  ${If} $Lockdown == "1"
    !insertmacro Lockdown "Account"
  ${Else}
    ; The folders below are still the kiosk account's: it must exist even on a bench PC.
    nsExec::ExecToLog /TIMEOUT=60000 'net user "$Account"'
    Pop $0
    ${If} $0 != "0"
      !insertmacro Lockdown "Account"
    ${EndIf}
  ${EndIf}
  CreateDirectory "$DataRoot"
  CreateDirectory "$DataRoot\data"
  CreateDirectory "$DataRoot\keys"
  !insertmacro Restrict "$DataRoot" "RX"
  !insertmacro Restrict "$DataRoot\data" "M"
  !insertmacro Restrict "$DataRoot\keys" "M"
  ; The kiosk's settings: written once, kept on upgrade (a technician may have edited them).
  ${IfNot} ${FileExists} "$DataRoot\kiosk.toml"
    FileOpen $0 "$DataRoot\kiosk.toml" w
    FileWrite $0 "# The kiosk's settings (README.md, Configuration). Written by the installer; kept on upgrade.$\r$\n"
    FileWrite $0 "data_dir = '$DataRoot\data'$\r$\n"
    FileWrite $0 "key_dir = '$DataRoot\keys'$\r$\n"
    FileWrite $0 "key_provider = 'dpapi'$\r$\n"
    FileWrite $0 "# backup_dir = 'D:\KioskBackups'   # another disk: see docs/store.md$\r$\n"
    FileClose $0
  ${EndIf}
  WriteRegExpandStr HKLM "${ENVIRONMENT_KEY}" "KIOSK_CONFIG" "$DataRoot\kiosk.toml"
  SendMessage ${HWND_BROADCAST} ${WM_WININICHANGE} 0 "STR:Environment" /TIMEOUT=5000
  ${If} $Staff != ""
    ; Not fatal: a closed window or a typo leaves a working kiosk; docs/windows.md says how to do it later.
    DetailPrint "lockdown.ps1 -Stage FirstStaff -StaffName $Staff"
    nsExec::ExecToLog /TIMEOUT=${PS_TIMEOUT} '"${POWERSHELL}" -NoProfile -NonInteractive -ExecutionPolicy Bypass -File "$INSTDIR\setup\lockdown.ps1" -Stage FirstStaff -Account $Account -InstallDir "$INSTDIR" -StaffName "$Staff" -Config "$DataRoot\kiosk.toml"'
    Pop $0
    ${If} $0 != "0"
      MessageBox MB_ICONEXCLAMATION|MB_OK "$(StaffLater)" /SD IDOK
    ${EndIf}
  ${EndIf}
  ${If} $Lockdown == "1"
    !insertmacro Lockdown "Features"
    !insertmacro Lockdown "Register"
    SetRebootFlag true ; auto-logon and the lockdown take effect at the next start
  ${EndIf}
SectionEnd

Function un.onInit
  SetRegView 64
  SetShellVarContext all
FunctionEnd

Section "Uninstall"
  ; The lockdown first, while its script is still here; the account, C:\ProgramData\Kiosk (the store,
  ; its key, the backups) and kiosk.toml stay: records are kept for their retention period (docs/store.md).
  nsExec::ExecToLog /TIMEOUT=${PS_TIMEOUT} '"${POWERSHELL}" -NoProfile -NonInteractive -ExecutionPolicy Bypass -File "$INSTDIR\setup\lockdown.ps1" -Stage Remove -InstallDir "$INSTDIR"'
  Pop $0
  DeleteRegValue HKLM "${ENVIRONMENT_KEY}" "KIOSK_CONFIG"
  SendMessage ${HWND_BROADCAST} ${WM_WININICHANGE} 0 "STR:Environment" /TIMEOUT=5000
  RMDir /r "$INSTDIR\_internal"
  RMDir /r "$INSTDIR\setup"
  Delete "$INSTDIR\kiosk.exe"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKLM "${UNINSTALL_KEY}"
  SetRebootFlag true
SectionEnd
