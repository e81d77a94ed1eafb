using System.Globalization;

namespace EvalFramework.Evaluation.Configuration;

/// <summary>Error texts and key paths shared by the config readers.</summary>
internal static class ConfigRules
{
    public const string NotNegative = "must not be negative";

    public const string SlugRule = "must be a slug of 1–64 characters (a-z, 0-9, '_' or '-')";

    /// <summary>The key path of item <paramref name="i"/> of the list at <paramref name="path"/>.</summary>
    public static string Index(string path, int i) => string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]");
}
