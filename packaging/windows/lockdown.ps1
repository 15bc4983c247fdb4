<#
.SYNOPSIS
    Locks a clinic's Windows PC down to the kiosk: patients never see the desktop or a Windows screen.

.DESCRIPTION
    Run by the installer (packaging/windows/kiosk.nsi) in Windows PowerShell 5.1, elevated; docs/windows.md
    says what each stage does at a clinic and how a technician gets back to the desktop.

      -Stage Account   the kiosk's local account (a random password nobody sees, kept only as Winlogon's
                       LSA secret), its profile, and auto-logon into it
      -Stage FirstStaff  the first staff account (kiosk-cli store add-staff -StaffName --role admin), made
                       as the kiosk account, whose DPAPI key opens the store: a console window asks the
                       technician for its password there. The account gets a new random password for it
                       (the old one was never known), and auto-logon that one.
      -Stage Features  the Device Lockdown features by their DISM names (Enterprise, Education, IoT
                       Enterprise); exit 3010 when Windows must restart for them
      -Stage Register  the "Kiosk lockdown" task: -Stage Apply as SYSTEM at every start-up
      -Stage Apply     Shell Launcher (the kiosk as the kiosk account's shell, restarted when it ends;
                       explorer for Administrators), Keyboard Filter (hot keys off), Custom Logon and
                       Unbranded Boot (no Windows screen), edge swipes off, Windows Update restarts outside
                       clinic hours. On Pro (no Shell Launcher): the replacement-shell route below.
      -Stage Remove    undoes Register, Apply and auto-logon (the uninstaller); the account and the
                       kiosk's data are kept
      -Stage Check     prints what is in force; exit 1 when something is not

    Pro editions (-ProRoute forces it elsewhere): Shell Launcher, Keyboard Filter, Unbranded Boot and
    Custom Logon do not exist there, and Assigned Access runs only UWP apps and Edge, not a Win32 app like
    the kiosk. What Pro can do is a replacement shell for the kiosk account alone (its own
    HKU\<sid>\...\Winlogon\Shell), with these limits: nothing restarts the shell when it ends (the kiosk's
    own watchdog, kiosk supervise, restarts the kiosk; if the supervisor itself ends, the screen stays dark
    until the PC restarts), Ctrl+Alt+Del still opens the security screen (its lock, switch-user,
    password and Task Manager entries are taken off by policy), and the Windows logo shows at boot.

    This file is ASCII on purpose: Windows PowerShell 5.1 reads a .ps1 without a BOM in the ANSI code page.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory = $true)]
    [ValidateSet('Account', 'FirstStaff', 'Features', 'Register', 'Apply', 'Remove', 'Check')]
    [string]$Stage,
    [ValidatePattern('^[A-Za-z][A-Za-z0-9_-]{0,19}$')]
    [string]$Account = 'kiosk',
    [string]$InstallDir = (Join-Path $env:ProgramFiles 'Kiosk'),
    # Clinic hours, 0-23: Windows Update restarts only outside them (an hour's margin either side).
    [ValidateRange(0, 23)][int]$ClinicOpens = 8,
    [ValidateRange(0, 23)][int]$ClinicCloses = 19,
    [ValidatePattern('^[A-Za-z0-9._-]{1,32}$')]
    [string]$StaffName = 'admin',
    [string]$Config = (Join-Path $env:ProgramData 'Kiosk\kiosk.toml'),
    [switch]$ProRoute
)

Set-StrictMode -Version 3
$ErrorActionPreference = 'Stop'

$EmbeddedNamespace = 'root\standardcimv2\embedded'
$AdministratorsSid = 'S-1-5-32-544'
$UsersSid = 'S-1-5-32-545'
$TaskName = 'Kiosk lockdown'
$Winlogon = 'HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion\Winlogon'
$EmbeddedLogon = 'HKLM:\SOFTWARE\Microsoft\Windows Embedded\EmbeddedLogon'
$WindowsUpdate = 'HKLM:\SOFTWARE\Policies\Microsoft\Windows\WindowsUpdate'
$EdgeUI = 'HKLM:\SOFTWARE\Policies\Microsoft\Windows\EdgeUI'
$Personalization = 'HKLM:\SOFTWARE\Policies\Microsoft\Windows\Personalization'
$SystemPolicies = 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Policies\System'

# Editions with the Device Lockdown features (EditionID in HKLM\...\Windows NT\CurrentVersion).
$LockdownEditions = @('Enterprise', 'EnterpriseN', 'EnterpriseS', 'EnterpriseSN', 'Education', 'EducationN',
                      'IoTEnterprise', 'IoTEnterpriseS')
# DISM feature names: the parent first.
$LockdownFeatures = @(
    'Client-DeviceLockdown',         # Device Lockdown, the parent of the four below
    'Client-EmbeddedShellLauncher',  # Shell Launcher
    'Client-KeyboardFilter',         # Keyboard Filter
    'Client-EmbeddedBootExp',        # Unbranded Boot
    'Client-EmbeddedLogon'           # Custom Logon
)
# Keys the kiosk account must not have; Administrators keep every key (DisableKeyboardFilterForAdministrators).
$BlockedKeys = @('Ctrl+Alt+Del', 'Ctrl+Shift+Esc', 'Ctrl+Esc', 'Alt+Tab', 'Alt+Esc', 'Alt+F4', 'Alt+Space',
                 'Windows', 'LWin', 'RWin', 'Win+L', 'Win+D', 'Win+E', 'Win+R', 'Win+Tab', 'Win+X', 'Win+U',
                 'Win+A', 'Win+N', 'Win+I', 'Win+Ctrl+D')
# Shell Launcher's actions when the shell ends.
$RestartShell = 0
$DoNothing = 3
$SupervisorGaveUp = 3  # kiosk supervise's exit code after too many restarts within an hour (kiosk/watchdog.py)

function Write-Step([string]$Text) { Write-Host "==> $Text" }

function Get-KioskCommand {
    $exe = Join-Path $InstallDir 'kiosk.exe'
    # The watchdog runs the kiosk and restarts it after a crash or a frozen screen (docs/watchdog.md).
    return "`"$exe`" supervise -- run"
}

function Test-LockdownEdition {
    $edition = (Get-ItemProperty 'HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion').EditionID
    return (-not $ProRoute) -and ($LockdownEditions -contains $edition)
}

function Get-AccountSid([string]$Name) {
    $account = New-Object System.Security.Principal.NTAccount($Name)
    return $account.Translate([System.Security.Principal.SecurityIdentifier]).Value
}

function Set-RegistryValue([string]$Path, [string]$Name, $Value, [string]$Type = 'DWord') {
    if (-not (Test-Path $Path)) { New-Item -Path $Path -Force | Out-Null }
    New-ItemProperty -Path $Path -Name $Name -Value $Value -PropertyType $Type -Force | Out-Null
}

function Remove-RegistryValue([string]$Path, [string]$Name) {
    if (Test-Path $Path) { Remove-ItemProperty -Path $Path -Name $Name -ErrorAction SilentlyContinue }
}

function Invoke-Native([string]$File, [string[]]$Arguments) {
    & $File @Arguments | Out-Null
    if ($LASTEXITCODE -ne 0) { throw "$File $($Arguments -join ' ') failed with exit code $LASTEXITCODE" }
}

# --- auto-logon: Winlogon's keys, the password as an LSA secret ----------------------------------------

# Winlogon reads the auto-logon password from the LSA secret "DefaultPassword" when the registry value
# DefaultPassword is absent: the secret is encrypted and readable only by SYSTEM, where the registry value
# would be plain text any administrator (or a disk image) can read. This is what Sysinternals Autologon
# does; done here with LsaStorePrivateData, so nothing else has to be installed.
$LsaSource = @'
using System;
using System.ComponentModel;
using System.Runtime.InteropServices;

public static class KioskLsaSecret {
    [StructLayout(LayoutKind.Sequential)]
    struct LsaString { public ushort Length; public ushort MaximumLength; public IntPtr Buffer; }

    [StructLayout(LayoutKind.Sequential)]
    struct LsaObjectAttributes {
        public int Length; public IntPtr RootDirectory; public IntPtr ObjectName; public uint Attributes;
        public IntPtr SecurityDescriptor; public IntPtr SecurityQualityOfService;
    }

    const uint POLICY_CREATE_SECRET = 0x00000020;

    [DllImport("advapi32.dll")]
    static extern uint LsaOpenPolicy(IntPtr systemName, ref LsaObjectAttributes attributes, uint access, out IntPtr policy);
    [DllImport("advapi32.dll")]
    static extern uint LsaStorePrivateData(IntPtr policy, ref LsaString keyName, ref LsaString privateData);
    [DllImport("advapi32.dll", EntryPoint = "LsaStorePrivateData")]
    static extern uint LsaDeletePrivateData(IntPtr policy, ref LsaString keyName, IntPtr nothing);
    [DllImport("advapi32.dll")]
    static extern uint LsaNtStatusToWinError(uint status);
    [DllImport("advapi32.dll")]
    static extern uint LsaClose(IntPtr policy);

    static LsaString Make(string text) {
        LsaString value = new LsaString();
        value.Buffer = Marshal.StringToHGlobalUni(text);
        value.Length = (ushort)(text.Length * 2);
        value.MaximumLength = (ushort)(text.Length * 2 + 2);
        return value;
    }

    static void Wipe(LsaString value) {
        for (int i = 0; i < value.MaximumLength; i++) { Marshal.WriteByte(value.Buffer, i, 0); }
        Marshal.FreeHGlobal(value.Buffer);
    }

    static void Check(uint status) {
        if (status != 0) { throw new Win32Exception((int)LsaNtStatusToWinError(status)); }
    }

    // secret null: the secret is deleted.
    public static void Store(string key, string secret) {
        LsaObjectAttributes attributes = new LsaObjectAttributes();
        attributes.Length = Marshal.SizeOf(attributes);
        IntPtr policy;
        Check(LsaOpenPolicy(IntPtr.Zero, ref attributes, POLICY_CREATE_SECRET, out policy));
        LsaString name = Make(key);
        try {
            if (secret == null) {
                uint status = LsaDeletePrivateData(policy, ref name, IntPtr.Zero);
                if (status != 0 && LsaNtStatusToWinError(status) != 2) { Check(status); }  // 2: there was none
            } else {
                LsaString data = Make(secret);
                try { Check(LsaStorePrivateData(policy, ref name, ref data)); } finally { Wipe(data); }
            }
        } finally {
            Wipe(name);
            LsaClose(policy);
        }
    }
}
'@

function Set-LsaSecret([string]$Key, [string]$Secret) {
    if (-not ('KioskLsaSecret' -as [type])) { Add-Type -TypeDefinition $LsaSource -Language CSharp }
    [KioskLsaSecret]::Store($Key, $Secret)
}

function New-KioskPassword {
    # 24 random bytes: 32 characters of base64, with a fixed prefix so the local password policy's
    # "three kinds of characters" always holds. Never printed, logged or written to a file.
    $bytes = New-Object byte[] 24
    $random = [System.Security.Cryptography.RandomNumberGenerator]::Create()
    try { $random.GetBytes($bytes) } finally { $random.Dispose() }
    return 'Kk7!' + [Convert]::ToBase64String($bytes)
}

function Set-AutoLogon([string]$Plain) {
    Write-Step "auto-logon into $Account (password as the LSA secret DefaultPassword)"
    Set-RegistryValue $Winlogon 'AutoAdminLogon' '1' 'String'
    Set-RegistryValue $Winlogon 'ForceAutoLogon' '1' 'String'  # signed out: signed in again at once
    Set-RegistryValue $Winlogon 'DefaultUserName' $Account 'String'
    Set-RegistryValue $Winlogon 'DefaultDomainName' $env:COMPUTERNAME 'String'
    Remove-RegistryValue $Winlogon 'DefaultPassword'  # never the plain-text value
    Remove-RegistryValue $Winlogon 'AutoLogonCount'
    Set-LsaSecret 'DefaultPassword' $Plain
}

function Invoke-AccountStage {
    $plain = New-KioskPassword
    $secure = ConvertTo-SecureString -String $plain -AsPlainText -Force
    $existing = Get-LocalUser -Name $Account -ErrorAction SilentlyContinue
    if ($null -eq $existing) {
        Write-Step "creating the local account $Account"
        New-LocalUser -Name $Account -Password $secure -FullName 'Kiosk' -Description 'Reception kiosk (auto-logon)' `
            -PasswordNeverExpires -UserMayNotChangePassword -AccountNeverExpires | Out-Null
    } else {
        # A reinstall: nobody knows the old password (it was never shown), so auto-logon gets a new one.
        Write-Step "the local account $Account exists: giving it a new password for auto-logon"
        Set-LocalUser -Name $Account -Password $secure -PasswordNeverExpires $true
        Enable-LocalUser -Name $Account
    }
    if (-not (Get-LocalGroupMember -SID $UsersSid | Where-Object { $_.Name -like "*\$Account" })) {
        Add-LocalGroupMember -SID $UsersSid -Member $Account
    }
    if (Get-LocalGroupMember -SID $AdministratorsSid | Where-Object { $_.Name -like "*\$Account" }) {
        throw "$Account is an administrator: the kiosk account must be a standard user"
    }
    # Its profile now (a first sign-in with the password), so the Pro route can set its shell before it
    # ever signs in, and the first auto-logon shows no "preparing Windows" screens to a patient.
    Write-Step "creating the profile of $Account"
    $credential = New-Object System.Management.Automation.PSCredential(".\$Account", $secure)
    try {
        Start-Process -FilePath (Join-Path $env:SystemRoot 'System32\cmd.exe') -ArgumentList '/c', 'exit' `
            -Credential $credential -LoadUserProfile -WindowStyle Hidden -Wait
    } catch {
        # Run as SYSTEM (a deployment tool), not as an administrator: no secondary logon from there.
        Write-Warning "the profile of $Account is made at its first sign-in instead ($_); on Pro restart once more after it"
    }
    Set-AutoLogon $plain
    $plain = $null
}

function Invoke-FirstStaffStage {
    $cli = Join-Path $InstallDir 'kiosk-cli.exe'
    if (-not (Test-Path $Config)) { throw "$Config is missing: install the kiosk first" }
    $plain = New-KioskPassword
    $secure = ConvertTo-SecureString -String $plain -AsPlainText -Force
    Set-LocalUser -Name $Account -Password $secure
    Set-AutoLogon $plain
    $plain = $null
    $credential = New-Object System.Management.Automation.PSCredential(".\$Account", $secure)
    # KIOSK_CONFIG set on the command line: the new process's environment may be this one's, which
    # predates the installer's machine-wide KIOSK_CONFIG. "pause" keeps the window open to read the result.
    $command = "set `"KIOSK_CONFIG=$Config`" && `"$cli`" store add-staff $StaffName --role admin " +
               "&& (timeout /t 5 >nul & exit /b 0) || (pause & exit /b 1)"
    Write-Step "the first staff account $StaffName: type its password in the window that opens"
    $process = Start-Process -FilePath (Join-Path $env:SystemRoot 'System32\cmd.exe') -ArgumentList '/c', $command `
        -Credential $credential -LoadUserProfile -WorkingDirectory $InstallDir -Wait -PassThru
    if ($process.ExitCode -ne 0) { throw "kiosk-cli store add-staff ended with exit code $($process.ExitCode)" }
}

# --- Device Lockdown features ---------------------------------------------------------------------------

function Invoke-FeaturesStage {
    if (-not (Test-LockdownEdition)) {
        Write-Step 'this edition has no Shell Launcher or Keyboard Filter: the Pro route is used (docs/windows.md)'
        return 0
    }
    $restart = $false
    foreach ($name in $LockdownFeatures) {
        $feature = Get-WindowsOptionalFeature -Online -FeatureName $name
        if ($null -eq $feature) { throw "the feature $name is not in this Windows image" }
        if ($feature.State -ne 'Enabled') {
            Write-Step "enabling $name"
            $result = Enable-WindowsOptionalFeature -Online -FeatureName $name -All -NoRestart
            if ($result.RestartNeeded) { $restart = $true }
        }
    }
    if ($restart) { Write-Step 'Windows must restart for the lockdown features'; return 3010 }
    return 0
}

# --- the start-up task ----------------------------------------------------------------------------------

function Invoke-RegisterStage {
    $script = Join-Path $InstallDir 'setup\lockdown.ps1'
    $arguments = "-NoProfile -NonInteractive -ExecutionPolicy Bypass -File `"$script`" -Stage Apply " +
                 "-Account $Account -InstallDir `"$InstallDir`" -ClinicOpens $ClinicOpens -ClinicCloses $ClinicCloses"
    if ($ProRoute) { $arguments += ' -ProRoute' }
    $action = New-ScheduledTaskAction -Execute (Join-Path $PSHOME 'powershell.exe') -Argument $arguments
    $trigger = New-ScheduledTaskTrigger -AtStartup
    $principal = New-ScheduledTaskPrincipal -UserId 'S-1-5-18' -LogonType ServiceAccount -RunLevel Highest
    $settings = New-ScheduledTaskSettingsSet -ExecutionTimeLimit (New-TimeSpan -Minutes 10) -StartWhenAvailable
    Write-Step "registering the task '$TaskName' (-Stage Apply as SYSTEM at every start-up)"
    Register-ScheduledTask -TaskName $TaskName -Action $action -Trigger $trigger -Principal $principal `
        -Settings $settings -Force | Out-Null
}

# --- Apply: every start-up ------------------------------------------------------------------------------

function Get-ShellLauncher { return [wmiclass]"\\localhost\$($EmbeddedNamespace):WESL_UserSetting" }

function Set-ShellLauncher([string]$KioskSid) {
    $launcher = Get-ShellLauncher
    foreach ($sid in @($KioskSid, $AdministratorsSid)) {
        try { $launcher.RemoveCustomShell($sid) | Out-Null } catch { }  # none set yet
    }
    # The kiosk ends: its shell starts again; the watchdog gave up (too many restarts within an hour):
    # nothing more, the screen stays dark (no desktop) and the console has been told.
    $launcher.SetCustomShell($KioskSid, (Get-KioskCommand), [int[]]@($SupervisorGaveUp), [int[]]@($DoNothing),
                             $RestartShell) | Out-Null
    $launcher.SetCustomShell($AdministratorsSid, 'explorer.exe', $null, $null, $RestartShell) | Out-Null
    $launcher.SetDefaultShell('explorer.exe', $RestartShell) | Out-Null
    $launcher.SetEnabled($true) | Out-Null
}

function Set-KeyboardFilter([bool]$Enabled) {
    $params = @{ Namespace = $EmbeddedNamespace }
    foreach ($id in $BlockedKeys) {
        # One key Windows does not know must not leave the others unblocked: a warning, and on to the next.
        try {
            $predefined = Get-WmiObject -Class WEKF_PredefinedKey @params | Where-Object { $_.Id -eq $id }
            if ($predefined) {
                $predefined.Enabled = $Enabled
                $predefined.Put() | Out-Null
                continue
            }
            $custom = Get-WmiObject -Class WEKF_CustomKey @params | Where-Object { $_.Id -eq $id }
            if ($custom) {
                $custom.Enabled = $Enabled
                $custom.Put() | Out-Null
            } elseif ($Enabled) {
                Set-WmiInstance -Class WEKF_CustomKey -Arguments @{ Id = $id } @params | Out-Null
            }
        } catch {
            Write-Warning "Keyboard Filter: $id not blocked ($_)"
        }
    }
    $setting = Get-WmiObject -Class WEKF_Settings @params | Where-Object { $_.Name -eq 'DisableKeyboardFilterForAdministrators' }
    if ($setting) {
        $setting.Value = 'true'
        $setting.Put() | Out-Null
    }
}

function Set-CustomLogon {
    # No Welcome screen, no "Hi" first-sign-in animation, no lock screen: auto-logon goes straight to the kiosk.
    Set-RegistryValue $EmbeddedLogon 'BrandingNeutral' 1
    Set-RegistryValue $EmbeddedLogon 'HideAutoLogonUI' 1
    Set-RegistryValue $EmbeddedLogon 'HideFirstLogonAnimation' 1
    Set-RegistryValue $EmbeddedLogon 'AnimationDisabled' 1
    Set-RegistryValue $EmbeddedLogon 'NoLockScreen' 1
    Set-RegistryValue $EmbeddedLogon 'UIVerbosityLevel' 1
    Set-RegistryValue $Personalization 'NoLockScreen' 1
    Set-RegistryValue $SystemPolicies 'EnableFirstLogonAnimation' 0
}

# Unbranded Boot: no Windows logo, spinner or status text, and no F8/F10 boot menus a patient could reach.
$BootSettings = @(
    @('{globalsettings}', 'custom:16000067', 'true', 'false'),  # hide the Windows logo
    @('{globalsettings}', 'custom:16000068', 'true', 'false'),  # hide the boot status messages
    @('{globalsettings}', 'custom:16000069', 'true', 'false'),  # hide the loading circle
    @('{globalsettings}', 'bootuxdisabled', 'on', 'off'),
    @('{globalsettings}', 'advancedoptions', 'false', 'true'),  # F8
    @('{globalsettings}', 'optionsedit', 'false', 'true')       # F10
)

function Set-UnbrandedBoot([bool]$Enabled) {
    $bcdedit = Join-Path $env:SystemRoot 'System32\bcdedit.exe'
    foreach ($setting in $BootSettings) {
        $value = if ($Enabled) { $setting[2] } else { $setting[3] }
        Invoke-Native $bcdedit @('/set', $setting[0], $setting[1], $value)
    }
}

function Set-UpdateHours {
    # Active hours: Windows Update does not restart the PC inside them. An hour's margin each side of the
    # clinic's hours; Windows accepts at most 18 hours.
    $start = [Math]::Max(0, $ClinicOpens - 1)
    $end = [Math]::Min(23, $ClinicCloses + 1)
    if ($end -le $start -or ($end - $start) -gt 18) {
        throw "clinic hours $ClinicOpens-$ClinicCloses do not fit Windows Update's active hours (at most 18 hours, same day)"
    }
    Set-RegistryValue $WindowsUpdate 'SetActiveHours' 1
    Set-RegistryValue $WindowsUpdate 'ActiveHoursStart' $start
    Set-RegistryValue $WindowsUpdate 'ActiveHoursEnd' $end
    Set-RegistryValue $WindowsUpdate 'SetAutoRestartNotificationDisable' 1  # no restart prompts on the kiosk
    # Updates install every day after closing, so the restart they need comes at night.
    Set-RegistryValue "$WindowsUpdate\AU" 'NoAutoUpdate' 0
    Set-RegistryValue "$WindowsUpdate\AU" 'AUOptions' 4
    Set-RegistryValue "$WindowsUpdate\AU" 'ScheduledInstallDay' 0
    Set-RegistryValue "$WindowsUpdate\AU" 'ScheduledInstallTime' (($end + 1) % 24)
}

function Get-ProfilePath([string]$Sid) {
    $key = "HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion\ProfileList\$Sid"
    if (-not (Test-Path $key)) { throw "$Account has no profile yet: run -Stage Account first" }
    return (Get-ItemProperty $key).ProfileImagePath
}

# The Pro route: settings in the kiosk account's own registry hive, loaded when it is not signed in.
function Set-UserHive([string]$Sid, [scriptblock]$Change) {
    $loaded = Test-Path "Registry::HKEY_USERS\$Sid"
    if (-not $loaded) {
        Invoke-Native (Join-Path $env:SystemRoot 'System32\reg.exe') @('load', "HKU\$Sid", (Join-Path (Get-ProfilePath $Sid) 'NTUSER.DAT'))
    }
    try {
        & $Change "Registry::HKEY_USERS\$Sid"
    } finally {
        if (-not $loaded) {
            [GC]::Collect()
            [GC]::WaitForPendingFinalizers()
            Invoke-Native (Join-Path $env:SystemRoot 'System32\reg.exe') @('unload', "HKU\$Sid")
        }
    }
}

function Set-ReplacementShell([string]$Sid, [bool]$Enabled) {
    Set-UserHive $Sid {
        param($hive)
        $winlogonKey = "$hive\Software\Microsoft\Windows NT\CurrentVersion\Winlogon"
        $systemKey = "$hive\Software\Microsoft\Windows\CurrentVersion\Policies\System"
        if ($Enabled) {
            Set-RegistryValue $winlogonKey 'Shell' (Get-KioskCommand) 'String'
            # What Ctrl+Alt+Del's security screen offers the kiosk account: none of these.
            Set-RegistryValue $systemKey 'DisableTaskMgr' 1
            Set-RegistryValue $systemKey 'DisableLockWorkstation' 1
            Set-RegistryValue $systemKey 'DisableChangePassword' 1
            Set-RegistryValue "$hive\Software\Microsoft\Windows\CurrentVersion\Policies\Explorer" 'NoLogoff' 1
        } else {
            Remove-RegistryValue $winlogonKey 'Shell'
            foreach ($name in @('DisableTaskMgr', 'DisableLockWorkstation', 'DisableChangePassword')) {
                Remove-RegistryValue $systemKey $name
            }
            Remove-RegistryValue "$hive\Software\Microsoft\Windows\CurrentVersion\Policies\Explorer" 'NoLogoff'
        }
    }
    if ($Enabled) {
        Set-RegistryValue $SystemPolicies 'HideFastUserSwitching' 1
    } else {
        Remove-RegistryValue $SystemPolicies 'HideFastUserSwitching'
    }
}

function Invoke-ApplyStage {
    $sid = Get-AccountSid $Account
    if (Test-LockdownEdition) {
        try {
            Get-ShellLauncher | Out-Null
        } catch {
            throw 'Shell Launcher is not available yet: run -Stage Features and restart Windows'
        }
        Write-Step "Shell Launcher: the kiosk is the shell of $Account, explorer that of Administrators"
        Set-ShellLauncher $sid
        Write-Step 'Keyboard Filter: hot keys off for the kiosk account'
        Set-KeyboardFilter $true
        Write-Step 'Custom Logon and Unbranded Boot: no Windows screen at start-up'
        Set-CustomLogon
        Set-UnbrandedBoot $true
    } else {
        Write-Step "Pro route: the kiosk as the replacement shell of $Account"
        Set-ReplacementShell $sid $true
        Set-RegistryValue $Personalization 'NoLockScreen' 1
        Set-RegistryValue $SystemPolicies 'EnableFirstLogonAnimation' 0
    }
    Write-Step 'edge swipes off'
    Set-RegistryValue $EdgeUI 'AllowEdgeSwipe' 0
    Write-Step "Windows Update: restarts outside $ClinicOpens:00-$ClinicCloses:00"
    Set-UpdateHours
}

function Invoke-RemoveStage {
    Write-Step "removing the task '$TaskName'"
    Unregister-ScheduledTask -TaskName $TaskName -Confirm:$false -ErrorAction SilentlyContinue
    $sid = $null
    try { $sid = Get-AccountSid $Account } catch { }
    if ($null -ne $sid) {
        try {
            $launcher = Get-ShellLauncher
            foreach ($each in @($sid, $AdministratorsSid)) {
                try { $launcher.RemoveCustomShell($each) | Out-Null } catch { }
            }
            $launcher.SetEnabled($false) | Out-Null
        } catch { }  # no Shell Launcher on this edition
        try { Set-ReplacementShell $sid $false } catch { Write-Warning "the replacement shell: $_" }
    }
    try { Set-KeyboardFilter $false } catch { }
    if (Test-LockdownEdition) {
        try { Set-UnbrandedBoot $false } catch { Write-Warning "Unbranded Boot: $_" }
    }
    Write-Step 'auto-logon off'
    Set-RegistryValue $Winlogon 'AutoAdminLogon' '0' 'String'
    Remove-RegistryValue $Winlogon 'ForceAutoLogon'
    Remove-RegistryValue $Winlogon 'DefaultPassword'
    Set-LsaSecret 'DefaultPassword' $null
    foreach ($name in @('BrandingNeutral', 'HideAutoLogonUI', 'HideFirstLogonAnimation', 'AnimationDisabled',
                        'NoLockScreen', 'UIVerbosityLevel')) {
        Remove-RegistryValue $EmbeddedLogon $name
    }
    Remove-RegistryValue $Personalization 'NoLockScreen'
    Remove-RegistryValue $SystemPolicies 'EnableFirstLogonAnimation'
    Remove-RegistryValue $EdgeUI 'AllowEdgeSwipe'
    foreach ($name in @('SetActiveHours', 'ActiveHoursStart', 'ActiveHoursEnd', 'SetAutoRestartNotificationDisable')) {
        Remove-RegistryValue $WindowsUpdate $name
    }
    foreach ($name in @('NoAutoUpdate', 'AUOptions', 'ScheduledInstallDay', 'ScheduledInstallTime')) {
        Remove-RegistryValue "$WindowsUpdate\AU" $name
    }
}

$script:Problems = 0

function Report([string]$What, [bool]$Ok) {
    Write-Host ("{0} {1}" -f $(if ($Ok) { 'ok  ' } else { 'NOT ' }), $What)
    if (-not $Ok) { $script:Problems++ }
}

function Invoke-CheckStage {
    $winlogonValues = Get-ItemProperty $Winlogon
    Report "auto-logon into $Account" (($winlogonValues.AutoAdminLogon -eq '1') -and ($winlogonValues.DefaultUserName -eq $Account))
    Report 'no plain-text auto-logon password' (-not ($winlogonValues.PSObject.Properties.Name -contains 'DefaultPassword'))
    Report "task '$TaskName'" ($null -ne (Get-ScheduledTask -TaskName $TaskName -ErrorAction SilentlyContinue))
    if (Test-LockdownEdition) {
        $enabled = $false
        try { $enabled = [bool](Get-ShellLauncher).IsEnabled().Enabled } catch { }
        Report 'Shell Launcher enabled' $enabled
        foreach ($name in $LockdownFeatures) {
            $feature = Get-WindowsOptionalFeature -Online -FeatureName $name
            Report "feature $name" (($null -ne $feature) -and ($feature.State -eq 'Enabled'))
        }
    }
    $edge = Get-ItemProperty $EdgeUI -ErrorAction SilentlyContinue
    Report 'edge swipes off' (($null -ne $edge) -and ($edge.AllowEdgeSwipe -eq 0))
    $update = Get-ItemProperty $WindowsUpdate -ErrorAction SilentlyContinue
    Report 'Windows Update active hours' (($null -ne $update) -and ($update.SetActiveHours -eq 1))
    return $script:Problems
}

switch ($Stage) {
    'Account' { Invoke-AccountStage; exit 0 }
    'FirstStaff' { Invoke-FirstStaffStage; exit 0 }
    'Features' { exit (Invoke-FeaturesStage) }
    'Register' { Invoke-RegisterStage; exit 0 }
    'Apply' { Invoke-ApplyStage; exit 0 }
    'Remove' { Invoke-RemoveStage; exit 0 }
    'Check' { if ((Invoke-CheckStage) -eq 0) { exit 0 } else { exit 1 } }
}
