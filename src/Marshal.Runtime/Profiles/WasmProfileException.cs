namespace WasmMarshal.Profiles;

/// <summary>
/// <see cref="GuestProfile.Detect"/> could not decide a convention from the module alone; the message says what it
/// found and which builder option settles it.
/// </summary>
public sealed class WasmProfileException : WasmMarshalException
{
    /// <summary>Creates the exception.</summary>
    public WasmProfileException(string moduleName, string problem, string option)
        : base($"Cannot pick the guest allocator of {moduleName}: {problem}. Choose one with {option}.")
    {
        Problem = problem;
        Option = option;
    }

    /// <summary>What made the detection undecidable.</summary>
    public string Problem { get; }

    /// <summary>The builder call that decides it.</summary>
    public string Option { get; }
}
