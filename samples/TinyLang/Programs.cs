namespace WasmMarshal.Samples.TinyLang;

/// <summary>Programs the sample runs when given none; the tests run them too.</summary>
public static class SamplePrograms
{
    /// <summary>
    /// Builds a list of <paramref name="count"/> thunks, each squaring its index when forced, then forces them all by
    /// summing the list: sum of i*i for i in 1..count.
    /// </summary>
    public static string ThunkList(int count) => $$"""
        letrec build = \n -> if n == 0 then [] else (lazy (n * n)) :: build (n - 1) in
        letrec sum = \xs -> if isnil xs then 0 else force (head xs) + sum (tail xs) in
        sum (build {{count}})
        """;

    /// <summary>The demo, each with its value worked out by hand; the sample exits 1 when a result differs.</summary>
    public static readonly (string Name, string Source, string Expected)[] Demo =
    [
        ("arithmetic", "let x = 6 in x * 7", "42"),
        ("doubles", "let r = 1.5 in 3.25 * r * r", "7.3125"),
        ("closures", "let add = \\a b -> a + b in let inc = add 1 in inc 41", "42"),
        ("factorial", "letrec fact = \\n -> if n <= 1 then 1 else n * fact (n - 1) in fact 20", "2432902008176640000"),
        ("strings", "let greet = \\who -> \"hello, \" ++ who ++ \"!\" in greet \"tiny\"", "\"hello, tiny!\""),
        // 1000 * 1001 * 2001 / 6
        ("thunks", ThunkList(1000), "333833500"),
    ];
}
