using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using Wasmtime;
using WasmMarshal.Allocation;

namespace WasmMarshal.Binding;

/// <summary>
/// Checks, before a generated import stub resolves anything, that the guest exports every function with the
/// expected core signature (and an allocator when the interface needs one), and throws one
/// <see cref="WasmBindingException"/> listing everything that is wrong.
/// </summary>
public sealed partial class ImportBinder
{
    private readonly WasmGuest _guest;
    private readonly string _interfaceName;
    private readonly List<BindingMismatch> _mismatches = new();
    private Dictionary<string, FunctionExport>? _exports;
    private readonly bool _exportsValidated;
    private bool _expectFailed;

    /// <summary>
    /// The interfaces whose exports were already found to match, per module: a module's exports never change, so a
    /// later instance of the same module (from a template, a pool, or the builder) binds without checking them again.
    /// Only the export checks are remembered; the allocator is resolved per instance.
    /// </summary>
    private static readonly ConditionalWeakTable<Module, ConcurrentDictionary<string, bool>> s_validated = new();

    /// <summary>Starts binding <paramref name="interfaceName"/> to <paramref name="guest"/>.</summary>
    public ImportBinder(WasmGuest guest, string interfaceName)
    {
        _guest = guest;
        _interfaceName = interfaceName;
        _exportsValidated = s_validated.TryGetValue(guest.Module, out var validated) && validated.ContainsKey(interfaceName);
    }

    private Dictionary<string, FunctionExport> Exports()
    {
        if (_exports is null)
        {
            _exports = new Dictionary<string, FunctionExport>();
            foreach (var export in _guest.Module.Exports.OfType<FunctionExport>())
            {
                _exports[export.Name] = export;
            }
        }

        return _exports;
    }

    /// <summary>Expects the export <paramref name="exportName"/> with the core type <paramref name="signature"/>.</summary>
    public void Expect(string exportName, string method, CoreSignature signature)
    {
        if (_exportsValidated)
        {
            return;
        }

        _expectFailed |= !Check(exportName, method, signature);
    }

    private bool Check(string exportName, string method, CoreSignature signature)
    {
        var exports = Exports();
        string member = _interfaceName + "." + method;
        if (!exports.TryGetValue(exportName, out var export))
        {
            _mismatches.Add(new BindingMismatch(exportName, member, signature.ToString(), "missing"));
            return false;
        }

        if (!signature.Matches(export.Parameters, export.Results))
        {
            _mismatches.Add(new BindingMismatch(exportName, member, signature.ToString(), WasmSignature.Format(export.Parameters, export.Results)));
            return false;
        }

        return true;
    }

    /// <summary>
    /// The allocator for arguments: <paramref name="overrideAllocator"/> when given, else the guest's
    /// <see cref="WasmGuest.Allocator"/>; null when a mismatch was recorded.
    /// </summary>
    public IGuestAllocator? RequireAllocator(IGuestAllocator? overrideAllocator = null) =>
        overrideAllocator ?? _guest.TryResolveAllocator(_mismatches);

    /// <summary>The guest's own heap, which frees buffers the guest returns; null when a mismatch was recorded.</summary>
    public IGuestAllocator? RequireGuestHeap() => _guest.TryResolveGuestHeap(_mismatches);

    /// <summary>Throws when anything was missing or mismatched.</summary>
    public void Complete()
    {
        if (!_exportsValidated && !_expectFailed)
        {
            s_validated.GetOrCreateValue(_guest.Module).TryAdd(_interfaceName, true);
        }

        if (_mismatches.Count > 0)
        {
            throw new WasmBindingException(_interfaceName, _mismatches, Hint());
        }
    }

    /// <summary>
    /// An AssemblyScript guest with native strings takes one pointer where a UTF-8 interface passes two: say so, since
    /// the signatures alone do not tell a user why every string method is off by one parameter.
    /// </summary>
    private string? Hint()
    {
        bool signatureMismatch = _mismatches.Any(m => m.Actual != "missing" && Exports().ContainsKey(m.Item));
        if (!signatureMismatch || _guest.Profile.StringPassing != Profiles.GuestStringPassing.ManagedObject)
        {
            return null;
        }

        return $"the module is an AssemblyScript guest whose strings are runtime objects passed as one pointer "
            + $"({string.Join(", ", _guest.Profile.Evidence)}). Declare the interface with "
            + "[WasmString(WasmStringEncoding.AssemblyScript)] (on the interface, a method or each string), or export "
            + "functions that take UTF-8 (ptr, len) from the guest.";
    }
}
