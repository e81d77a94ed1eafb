using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace EvalFramework.Evaluation.Configuration;

/// <summary>Reads YAML text that must hold at most one document (the evaluation config, an effects file).</summary>
internal static class SingleYamlDocument
{
    /// <summary>Parses <paramref name="yaml"/>; <paramref name="root"/> is null for an empty text.</summary>
    /// <returns>Null when the text is one valid document or none; else the error, located in <paramref name="fileName"/>.</returns>
    public static ConfigError? Load(string yaml, string fileName, out YamlNode? root)
    {
        root = null;
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            return new ConfigError(fileName, (int)Math.Clamp(e.Start.Line, 0, int.MaxValue), "(document)", "not valid YAML: " + e.Message);
        }

        if (stream.Documents.Count > 1)
        {
            return new ConfigError(fileName, ErrorSink.LineOf(stream.Documents[1].RootNode), "(document)", "must hold one YAML document, not several");
        }

        root = stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
        return null;
    }
}
