using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Linq;
using System.Runtime.CompilerServices;
using Wasmtime;
using WasmMarshal.Binding;

namespace WasmMarshal.Callbacks;

/// <summary>
/// The slots of a guest's exported function table that hold host callbacks. A C function pointer on wasm32 is an index
/// into that table (clang: <c>-Wl,--export-table</c> exports it as <c>__indirect_function_table</c>); the host grows
/// the table (<c>-Wl,--growable-table</c>) and puts its functions in the new slots. Released slots are set to null,
/// so a stale pointer traps, and reused first in, first out; their host functions are kept for the next callback of
/// the same delegate type. Used by generated stubs.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class WasmCallbackTable
{
    /// <summary>The name clang and wasm-ld give the exported function table.</summary>
    public const string ExportName = "__indirect_function_table";

    /// <summary>Slots added per growth, so that a burst of registrations grows the table once.</summary>
    private const uint GrowthStep = 8;

    private static readonly ConditionalWeakTable<WasmGuest, WasmCallbackTable> s_tables = new();

    private readonly Table _table;
    private readonly Queue<uint> _free = new();

    /// <summary>The host function in each occupied slot, to recycle when the slot is released.</summary>
    private readonly Dictionary<uint, IPooledFunction> _placed = new();

    /// <summary>Per delegate type, the host functions in no slot now, ready to point at another delegate.</summary>
    private readonly Dictionary<Type, object> _idle = new();

    private WasmCallbackTable(Table table) => _table = table;

    /// <summary>The number of slots in use by host callbacks.</summary>
    public int InUse => _placed.Count;

    /// <summary>
    /// The number of host functions made for callbacks so far: one per delegate type and callback alive at the same
    /// time, however many calls pass one (Wasmtime keeps a host function until its store is disposed).
    /// </summary>
    public int FunctionsCreated { get; private set; }

    /// <summary>
    /// Why the module cannot take host callbacks, or null: it must export a funcref table named
    /// <see cref="ExportName"/> that can grow.
    /// </summary>
    public static string? Problem(Module module)
    {
        ArgumentNullException.ThrowIfNull(module);
        var export = module.Exports.OfType<TableExport>().FirstOrDefault(t => t.Name == ExportName);
        if (export is null)
        {
            return "missing: the module exports no function table (link with -Wl,--export-table,--growable-table)";
        }

        if (export.Kind != ValueKind.FuncRef)
        {
            return $"a table of {export.Kind}, not of functions";
        }

        if (export.Maximum <= export.Minimum)
        {
            return $"not growable: its size is fixed at {export.Minimum} (link with -Wl,--growable-table)";
        }

        return null;
    }

    /// <summary>The expectation <see cref="Problem"/> checks, for messages.</summary>
    public const string Expectation = "an exported, growable funcref table";

    /// <summary>The table of <paramref name="guest"/>; <paramref name="method"/> and <paramref name="parameter"/> name the callback in the error.</summary>
    /// <exception cref="WasmBindingException">The guest exports no growable function table.</exception>
    public static WasmCallbackTable For(WasmGuest guest, string method, string parameter)
    {
        ArgumentNullException.ThrowIfNull(guest);
        if (s_tables.TryGetValue(guest, out var existing))
        {
            return existing;
        }

        if (Problem(guest.Module) is { } problem)
        {
            throw new WasmBindingException(method, new[] { new BindingMismatch(ExportName, method + "(" + parameter + ")", Expectation, problem) });
        }

        var table = guest.Instance.GetTable(ExportName)!;
        return s_tables.GetValue(guest, _ => new WasmCallbackTable(table));
    }

    /// <summary>
    /// Points an idle host function of <typeparamref name="TDelegate"/> (made with <paramref name="create"/> when none
    /// is idle) at <paramref name="handler"/> and puts it in a free slot, growing the table when none is free.
    /// </summary>
    internal uint Place<TDelegate>(WasmGuest guest, TDelegate handler, Func<WasmGuest, WasmCallbackTarget<TDelegate>, Function> create)
        where TDelegate : Delegate
    {
        var idle = Idle<TDelegate>();
        if (!idle.TryPop(out var pooled))
        {
            var target = new WasmCallbackTarget<TDelegate>();
            pooled = new PooledFunction<TDelegate>(create(guest, target), target);
            FunctionsCreated++;
        }

        uint index = FreeSlot();
        _table.SetElement(index, pooled.Function);
        pooled.Target.Set(handler);
        _placed.Add(index, pooled);
        return index;
    }

    private uint FreeSlot()
    {
        if (_free.TryDequeue(out uint index))
        {
            return index;
        }

        uint first = checked((uint)_table.Grow(GrowthStep, null));
        // Slot 0 stays empty: C reads a function pointer of 0 as NULL (wasm-ld never fills it either).
        uint skip = first == 0 ? 1u : 0u;
        for (uint i = skip + 1; i < GrowthStep; i++)
        {
            _free.Enqueue(first + i);
        }

        return first + skip;
    }

    /// <summary>Empties slot <paramref name="index"/> (a later call through it traps), frees it and recycles its function.</summary>
    internal void Release(uint index)
    {
        if (!_placed.Remove(index, out var pooled))
        {
            return;
        }

        _table.SetElement(index, null);
        _free.Enqueue(index);
        pooled.Recycle(this);
    }

    private Stack<PooledFunction<TDelegate>> Idle<TDelegate>() where TDelegate : Delegate
    {
        if (!_idle.TryGetValue(typeof(TDelegate), out var idle))
        {
            idle = new Stack<PooledFunction<TDelegate>>();
            _idle.Add(typeof(TDelegate), idle);
        }

        return (Stack<PooledFunction<TDelegate>>)idle;
    }

    private interface IPooledFunction
    {
        void Recycle(WasmCallbackTable table);
    }

    private sealed record PooledFunction<TDelegate>(Function Function, WasmCallbackTarget<TDelegate> Target) : IPooledFunction
        where TDelegate : Delegate
    {
        public void Recycle(WasmCallbackTable table)
        {
            Target.Set(null);
            table.Idle<TDelegate>().Push(this);
        }
    }

    /// <summary>Places a per-call callback for one call of a generated stub; release it in <c>finally</c>.</summary>
    public static uint AddForCall<TDelegate>(WasmGuest guest, TDelegate handler, string method, string parameter, Func<WasmGuest, WasmCallbackTarget<TDelegate>, Function> create)
        where TDelegate : Delegate
    {
        if (handler is null)
        {
            throw new ArgumentNullException(parameter, $"{method}: the callback '{parameter}' is null");
        }

        return For(guest, method, parameter).Place(guest, handler, create);
    }

    /// <summary>Releases a per-call callback's slot (generated stubs, in <c>finally</c>; 0 means none was placed).</summary>
    public static void ReleaseForCall(WasmGuest guest, uint index)
    {
        if (index != 0 && !guest.IsDisposed && s_tables.TryGetValue(guest, out var table))
        {
            table.Release(index);
        }
    }
}
