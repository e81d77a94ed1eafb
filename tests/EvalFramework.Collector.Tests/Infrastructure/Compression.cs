using System.IO.Compression;

namespace EvalFramework.Collector.Tests.Infrastructure;

/// <summary>Request bodies as a client compresses them for <c>Content-Encoding</c>.</summary>
public static class Compression
{
    /// <summary><paramref name="data"/> compressed with <c>gzip</c>, or else with <c>deflate</c> (zlib, as HTTP means it).</summary>
    public static byte[] Compress(byte[] data, string encoding)
    {
        using var buffer = new MemoryStream();
        using (Stream compressor = encoding == "gzip" ? new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true)
            : new ZLibStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            compressor.Write(data);
        }

        return buffer.ToArray();
    }
}
