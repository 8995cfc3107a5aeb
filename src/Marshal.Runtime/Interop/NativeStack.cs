using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace WasmMarshal.Interop;

/// <summary>
/// How much native stack the current thread has left, from its real bounds (pthread on Linux and macOS,
/// GetCurrentThreadStackLimits on Windows), found once per thread. Where the bounds cannot be found, falls back to
/// <see cref="RuntimeHelpers.TryEnsureSufficientExecutionStack"/>.
/// </summary>
internal static unsafe class NativeStack
{
    /// <summary>The lowest usable stack address of this thread; 0 before it is looked up, 1 when it cannot be.</summary>
    [ThreadStatic]
    private static nuint t_low;

    public static void EnsureRoom(ulong maximumWasmStack, ulong reserve, string method)
    {
        nuint low = t_low;
        if (low == 0)
        {
            t_low = low = FindLowBound();
        }

        if (low == 1)
        {
            if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
            {
                throw new WasmStackTooSmallException(method, 0, maximumWasmStack + reserve);
            }

            return;
        }

        byte marker = 0;
        ulong here = (ulong)(nuint)(&marker);
        ulong available = here > low ? here - low : 0;
        ulong required = maximumWasmStack + reserve;
        if (available < required)
        {
            throw new WasmStackTooSmallException(method, available, required);
        }
    }

    private static nuint FindLowBound()
    {
        try
        {
            if (OperatingSystem.IsWindows())
            {
                GetCurrentThreadStackLimits(out nuint lowLimit, out _);
                // The guard pages sit at the bottom: keep a margin for them.
                return lowLimit + 64 * 1024;
            }

            if (OperatingSystem.IsLinux())
            {
                return LinuxLowBound();
            }

            if (OperatingSystem.IsMacOS())
            {
                nint self = pthread_self_mac();
                nuint top = pthread_get_stackaddr_np(self);
                nuint size = pthread_get_stacksize_np(self);
                return top - size + 16 * 1024;
            }
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
        }

        return 1;
    }

    private static nuint LinuxLowBound()
    {
        // pthread_attr_t is 56 bytes on x64 glibc and 64 on arm64; musl's is smaller. 256 bytes covers them all.
        byte* attr = stackalloc byte[256];
        if (pthread_getattr_np(pthread_self(), attr) != 0)
        {
            return 1;
        }

        try
        {
            if (pthread_attr_getstack(attr, out nuint address, out nuint size) != 0 || address == 0 || size == 0)
            {
                return 1;
            }

            // address is the lowest address of the mapping, guard page included: skip a margin for the guard.
            return address + 64 * 1024;
        }
        finally
        {
            pthread_attr_destroy(attr);
        }
    }

    [DllImport("kernel32")]
    private static extern void GetCurrentThreadStackLimits(out nuint lowLimit, out nuint highLimit);

    [DllImport("libc", EntryPoint = "pthread_self")]
    private static extern nint pthread_self();

    [DllImport("libc", EntryPoint = "pthread_getattr_np")]
    private static extern int pthread_getattr_np(nint thread, byte* attr);

    [DllImport("libc", EntryPoint = "pthread_attr_getstack")]
    private static extern int pthread_attr_getstack(byte* attr, out nuint address, out nuint size);

    [DllImport("libc", EntryPoint = "pthread_attr_destroy")]
    private static extern int pthread_attr_destroy(byte* attr);

    [DllImport("libSystem.dylib", EntryPoint = "pthread_self")]
    private static extern nint pthread_self_mac();

    [DllImport("libSystem.dylib")]
    private static extern nuint pthread_get_stackaddr_np(nint thread);

    [DllImport("libSystem.dylib")]
    private static extern nuint pthread_get_stacksize_np(nint thread);
}
