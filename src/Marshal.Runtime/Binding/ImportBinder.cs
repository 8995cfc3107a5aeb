using System.Collections.Generic;
using System.Linq;
using Wasmtime;
using WasmMarshal.Allocation;

namespace WasmMarshal.Binding;

/// <summary>
/// Checks, before a generated import stub resolves anything, that the guest exports every function with the
/// expected core signature (and an allocator when the interface needs one), and throws one
/// <see cref="WasmBindingException"/> listing everything that is wrong.
/// </summary>
public sealed class ImportBinder
{
    private readonly WasmGuest _guest;
    private readonly string _interfaceName;
    private readonly List<BindingMismatch> _mismatches = new();
    private readonly Dictionary<string, FunctionExport> _exports;

    /// <summary>Starts binding <paramref name="interfaceName"/> to <paramref name="guest"/>.</summary>
    public ImportBinder(WasmGuest guest, string interfaceName)
    {
        _guest = guest;
        _interfaceName = interfaceName;
        _exports = new Dictionary<string, FunctionExport>();
        foreach (var export in guest.Module.Exports.OfType<FunctionExport>())
        {
            _exports[export.Name] = export;
        }
    }

    /// <summary>Expects the export <paramref name="exportName"/> with the core type <paramref name="signature"/>.</summary>
    public void Expect(string exportName, string method, CoreSignature signature)
    {
        string member = _interfaceName + "." + method;
        if (!_exports.TryGetValue(exportName, out var export))
        {
            _mismatches.Add(new BindingMismatch(exportName, member, signature.ToString(), "missing"));
            return;
        }

        if (!signature.Matches(export.Parameters, export.Results))
        {
            _mismatches.Add(new BindingMismatch(exportName, member, signature.ToString(), WasmSignature.Format(export.Parameters, export.Results)));
        }
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
        bool signatureMismatch = _mismatches.Any(m => m.Actual != "missing" && _exports.ContainsKey(m.Item));
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
