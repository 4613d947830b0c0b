# Build the Windows installer: dist\EcoLedger-<version>-setup.exe
# Run from any folder in PowerShell on 64-bit Windows 10/11 with Python 3.11 (python.org,
# "py" launcher) and Inno Setup 6 installed. See packaging\README.md.
$ErrorActionPreference = "Stop"
$Root = Resolve-Path "$PSScriptRoot\..\.."
Set-Location $Root

# 1. A separate venv with PyInstaller.
if (-not (Test-Path .venv-package\Scripts\python.exe)) { py -3.11 -m venv .venv-package }
.venv-package\Scripts\python -m pip install -q --upgrade pip
.venv-package\Scripts\python -m pip install -q -e . "pyinstaller>=6.10,<7"
$Version = (.venv-package\Scripts\python -c "import core; print(core.__version__)").Trim()

# 2. Freeze (one folder).
$Started = Get-Date
.venv-package\Scripts\pyinstaller --noconfirm --log-level ERROR `
  --distpath build\package\dist --workpath build\package\work packaging\ecoledger.spec
if ($LASTEXITCODE -ne 0) { throw "PyInstaller failed" }

# 3. Self-test the bundle. ecoledger.exe is windowed (no console): its report goes to
#    %TEMP%\ecoledger-self-test.log, its verdict to the exit code.
$Test = Start-Process -FilePath build\package\dist\ecoledger\ecoledger.exe `
  -ArgumentList "--self-test" -Wait -PassThru
Get-Content "$env:TEMP\ecoledger-self-test.log" -Encoding UTF8
if ($Test.ExitCode -ne 0) { throw "self-test failed" }
build\package\dist\ecoledger\ecoledger-cli.exe --help | Out-Null
if ($LASTEXITCODE -ne 0) { throw "ecoledger-cli does not start" }

# 4. The installer.
$Iscc = @("$env:LOCALAPPDATA\Programs\Inno Setup 6\ISCC.exe",
          "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe",
          "$env:ProgramFiles\Inno Setup 6\ISCC.exe") | Where-Object { Test-Path $_ } | Select-Object -First 1
if (-not $Iscc) { throw "Inno Setup 6 (ISCC.exe) not found" }
& $Iscc /Q "/DAppVersion=$Version" packaging\windows\ecoledger.iss
if ($LASTEXITCODE -ne 0) { throw "ISCC failed" }
$Seconds = [int]((Get-Date) - $Started).TotalSeconds
Write-Host "built dist\EcoLedger-$Version-setup.exe in $Seconds s"
