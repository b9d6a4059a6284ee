/*
 * bcryptprimitives.dll stub for the wine smoke test (tools/windows/smoke.sh).
 *
 * Go 1.24 and later draw their random numbers from ProcessPrng in
 * bcryptprimitives.dll, which Wine 8 (Debian 12's wine64) does not export, so
 * a Go program dies at start under it. This stub exports ProcessPrng and
 * fills the buffer from RtlGenRandom (advapi32's SystemFunction036).
 * It is for the test prefix only: real Windows (10 and later) has the DLL,
 * and nothing of it ships with xuncha.exe.
 *
 * Build: x86_64-w64-mingw32-gcc -shared -O2 -s -o bcryptprimitives.dll \
 *        bcryptprimitives.c -ladvapi32
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
	while (length > 0) {
		ULONG n = length > 0x40000000 ? 0x40000000 : (ULONG)length;
		if (!SystemFunction036(data, n))
			return FALSE;
		data += n;
		length -= n;
	}
	return TRUE;
}

BOOL WINAPI DllMain(HINSTANCE instance, DWORD reason, LPVOID reserved)
{
	(void)instance;
	(void)reason;
	(void)reserved;
	return TRUE;
}
