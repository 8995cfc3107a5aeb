using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace WasmMarshal.Interop;

/// <summary>
/// What a guest call needs to know about the thread making it, found once per thread and read with one thread-static
/// access: its managed id (who owns a guest during a call) and the lowest usable address of its native stack, from
/// the thread's real bounds (pthread on Linux and macOS, GetCurrentThreadStackLimits on Windows). Where the bounds
/// cannot be found, <see cref="HasRoom"/> falls back to <see cref="RuntimeHelpers.TryEnsureSufficientExecutionStack"/>.
/// </summary>
internal sealed unsafe class NativeStack
{
    [ThreadStatic]
    private static NativeStack? t_current;

    private NativeStack(int threadId, nuint low)
    {
        ThreadId = threadId;
        _low = low;
    }

    /// <summary>The calling thread's record.</summary>
    public static NativeStack Current
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => t_current ?? CreateCurrent();
    }

    /// <summary><see cref="Environment.CurrentManagedThreadId"/> of the thread; unique among live threads.</summary>
    public int ThreadId { get; }

    /// <summary>The lowest usable stack address, or 1 when it could not be found.</summary>
    private readonly nuint _low;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static NativeStack CreateCurrent() => t_current = new NativeStack(Environment.CurrentManagedThreadId, FindLowBound());

    /// <summary>Whether at least <paramref name="required"/> bytes of native stack are left below the caller's frame.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool HasRoom(ulong required)
    {
        if (_low == 1)
        {
            return RuntimeHelpers.TryEnsureSufficientExecutionStack();
        }

        byte marker = 0;
        ulong here = (ulong)(nuint)(&marker);
        return here > _low && here - _low >= required;
    }

    /// <summary>How much native stack is left below the caller's frame (0 when unknown), for messages.</summary>
    public ulong Available()
    {
        byte marker = 0;
        ulong here = (ulong)(nuint)(&marker);
        return _low != 1 && here > _low ? here - _low : 0;
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
