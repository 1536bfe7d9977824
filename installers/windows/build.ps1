<#
.SYNOPSIS
    Build the Windows installer: dist\ningbo-sw-desktop-<version>-windows-x64-setup.exe

.DESCRIPTION
    Run on a Windows 10/11 x64 machine, in PowerShell, from anywhere in the checkout:

        powershell -ExecutionPolicy Bypass -File installers\windows\build.ps1 [-InstallTools]

    1. Finds 64-bit Python 3.11 (py -3.11-64, or the python.org default folders). With -InstallTools a
       missing Python is installed for the current user with winget (Python.Python.3.11); otherwise
       install the python.org "Windows installer (64-bit)" of 3.11.9 yourself.
    2. Finds Inno Setup 6 (ISCC.exe); -InstallTools installs it with winget (JRSoftware.InnoSetup).
    3. Makes the virtualenv (-Venv, default .venv) and runs: pip install -e ".[build]"
    4. Builds the one-folder app with PyInstaller and installers\pyinstaller\ningbo_sw_desktop.spec
       into build\pyinstaller\dist\ningbo-sw-desktop (ningbo-sw.exe for the command line,
       ningbo-sw-desktop.exe for the window, _internal\).
    5. Runs the built app's self-test (skip with -SkipSelfTest); a failure stops the build.
    6. Fetches Inno Setup's Simplified Chinese messages when the installed Inno Setup lacks them.
    7. Compiles installers\windows\ningbo_sw_desktop.iss with ISCC into dist\.

    Written for Windows PowerShell 5.1 (the one every Windows 10 has) and PowerShell 7.
#>
[CmdletBinding()]
param(
    [string]$Venv = ".venv",
    [switch]$InstallTools,
    [switch]$SkipSelfTest
)
$ErrorActionPreference = "Stop"
$Root = (Resolve-Path (Join-Path $PSScriptRoot "..\..")).Path
Set-Location $Root

function Invoke-Checked([string]$File, [string[]]$Arguments) {
    & $File @Arguments
    if ($LASTEXITCODE -ne 0) { throw "$File $($Arguments -join ' ') failed with exit code $LASTEXITCODE" }
}

function Find-Python {
    if (Get-Command py -ErrorAction SilentlyContinue) {
        # Windows PowerShell 5.1 turns a native command's redirected stderr into a terminating error under "Stop".
        $ErrorActionPreference = "Continue"
        $exe = & py -3.11-64 -c "import sys; print(sys.executable)" 2>$null
        if ($LASTEXITCODE -eq 0 -and $exe) { return "$exe".Trim() }
    }
    foreach ($candidate in @("$env:LOCALAPPDATA\Programs\Python\Python311\python.exe",
                             "$env:ProgramFiles\Python311\python.exe")) {
        if (Test-Path $candidate) { return $candidate }
    }
    return $null
}

function Find-Iscc {
    $found = Get-Command ISCC.exe -ErrorAction SilentlyContinue
    if ($found) { return $found.Source }
    foreach ($candidate in @("${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe", "$env:ProgramFiles\Inno Setup 6\ISCC.exe",
                             "$env:LOCALAPPDATA\Programs\Inno Setup 6\ISCC.exe")) {
        if (Test-Path $candidate) { return $candidate }
    }
    return $null
}

Write-Host "== 1. Python 3.11 (64-bit)"
$Python = Find-Python
if (-not $Python -and $InstallTools) {
    Invoke-Checked "winget" @("install", "--exact", "--id", "Python.Python.3.11", "--scope", "user",
                              "--accept-package-agreements", "--accept-source-agreements")
    $Python = Find-Python
}
if (-not $Python) { throw "Python 3.11 (64-bit) not found: install it from python.org or run with -InstallTools" }
Write-Host "   $Python"

Write-Host "== 2. Inno Setup 6"
$Iscc = Find-Iscc
if (-not $Iscc -and $InstallTools) {
    Invoke-Checked "winget" @("install", "--exact", "--id", "JRSoftware.InnoSetup",
                              "--accept-package-agreements", "--accept-source-agreements")
    $Iscc = Find-Iscc
}
if (-not $Iscc) { throw "Inno Setup 6 (ISCC.exe) not found: install it from jrsoftware.org or run with -InstallTools" }
Write-Host "   $Iscc"

Write-Host "== 3. Virtualenv $Venv with the build extra"
if (-not (Test-Path "$Venv\Scripts\python.exe")) { Invoke-Checked $Python @("-m", "venv", $Venv) }
$VenvPython = (Resolve-Path "$Venv\Scripts\python.exe").Path
Invoke-Checked $VenvPython @("-m", "pip", "install", "--quiet", "--upgrade", "pip")
Invoke-Checked $VenvPython @("-m", "pip", "install", "--quiet", "-e", ".[build]")
$Version = (& $VenvPython -c "import ningbo_sw_desktop; print(ningbo_sw_desktop.__version__)").Trim()
Write-Host "   version $Version"

Write-Host "== 4. PyInstaller one-folder build"
$Started = Get-Date
Invoke-Checked $VenvPython @("-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
                             "--distpath", "build\pyinstaller\dist", "--workpath", "build\pyinstaller\work",
                             "installers\pyinstaller\ningbo_sw_desktop.spec")
$AppDir = Join-Path $Root "build\pyinstaller\dist\ningbo-sw-desktop"
$SizeMiB = [math]::Round(((Get-ChildItem $AppDir -Recurse -File | Measure-Object Length -Sum).Sum / 1MB), 1)
Write-Host ("   {0} MiB in {1:N0} s" -f $SizeMiB, ((Get-Date) - $Started).TotalSeconds)

if (-not $SkipSelfTest) {
    Write-Host "== 5. Self-test of the built app"
    $DataDir = New-Item -ItemType Directory -Force (Join-Path $Root "build\selftest-data")
    $env:NINGBO_SW_DATA = $DataDir.FullName
    try { Invoke-Checked (Join-Path $AppDir "ningbo-sw.exe") @("self-test") }
    finally { Remove-Item Env:NINGBO_SW_DATA; Remove-Item -Recurse -Force $DataDir.FullName }
}

Write-Host "== 6. Simplified Chinese messages for the installer"
$BundledIsl = Join-Path (Split-Path $Iscc) "Languages\ChineseSimplified.isl"
$LocalIsl = Join-Path $PSScriptRoot "ChineseSimplified.isl"
if (-not (Test-Path $BundledIsl) -and -not (Test-Path $LocalIsl)) {
    [Net.ServicePointManager]::SecurityProtocol = [Net.SecurityProtocolType]::Tls12
    $Fetched = $false
    foreach ($Url in @("https://raw.githubusercontent.com/jrsoftware/issrc/main/Files/Languages/ChineseSimplified.isl",
                       "https://raw.githubusercontent.com/jrsoftware/issrc/main/Files/Languages/Unofficial/ChineseSimplified.isl")) {
        try { Invoke-WebRequest -UseBasicParsing -Uri $Url -OutFile $LocalIsl; $Fetched = $true; break } catch { }
    }
    if (-not $Fetched) { throw "Could not download ChineseSimplified.isl; put it in $PSScriptRoot and run again" }
}

Write-Host "== 7. Inno Setup"
Invoke-Checked $Iscc @("/Q", "/DAppVersion=$Version", "/DSourceDir=$AppDir", (Join-Path $PSScriptRoot "ningbo_sw_desktop.iss"))
$Setup = Join-Path $Root "dist\ningbo-sw-desktop-$Version-windows-x64-setup.exe"
Write-Host ("Done: {0} ({1:N1} MiB)" -f $Setup, ((Get-Item $Setup).Length / 1MB))
