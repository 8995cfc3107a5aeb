using System.Text;

namespace WasmMarshal.Generators.Parsing;

/// <summary>The default wasm name of a method: its snake_case form.</summary>
internal static class WasmNames
{
    /// <summary>
    /// <c>AddI32</c> becomes <c>add_i32</c>, <c>ParseHTTPHeader</c> becomes <c>parse_http_header</c>,
    /// <c>Vec3Dot</c> becomes <c>vec3_dot</c>: a word starts at an upper-case letter that follows a lower-case letter
    /// or digit, or that precedes a lower-case letter after an upper-case run.
    /// </summary>
    public static string ToSnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 8);
        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            if (char.IsUpper(c))
            {
                bool afterLowerOrDigit = i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]));
                bool endsUpperRun = i > 0 && char.IsUpper(name[i - 1]) && i + 1 < name.Length && char.IsLower(name[i + 1]);
                if ((afterLowerOrDigit || endsUpperRun) && builder.Length > 0 && builder[builder.Length - 1] != '_')
                {
                    builder.Append('_');
                }

                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
