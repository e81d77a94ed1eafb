using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace EvalFramework.Collector.Otlp;

/// <summary>
/// A sub-message read by a delegate, so <see cref="CodedInputStream.ReadMessage(IMessage)"/> can enforce its length and
/// the recursion limit (<c>PushLimit</c> is not public): Google.Protobuf without generated code or copied .proto files.
/// Read-only: nothing here is ever written.
/// </summary>
internal sealed class ProtobufMessage(Action<CodedInputStream> read) : IMessage
{
    public MessageDescriptor Descriptor => throw new NotSupportedException("a hand-read message has no descriptor");

    public void MergeFrom(CodedInputStream input) => read(input);

    public void WriteTo(CodedOutputStream output) => throw new NotSupportedException("a hand-read message is never written");

    public int CalculateSize() => throw new NotSupportedException("a hand-read message is never written");
}
