using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace EvalFramework.Tests.Support;

/// <summary>A chat client that answers with what it was given.</summary>
internal sealed class FakeChatClient(ChatResponse response, IReadOnlyList<ChatResponseUpdate> updates, string? defaultModel = null) : IChatClient
{
    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        Task.FromResult(response);

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var update in updates)
        {
            await Task.Yield();
            yield return update;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceType == typeof(ChatClientMetadata) ? new ChatClientMetadata("fake", defaultModelId: defaultModel) : null;

    public void Dispose()
    {
    }
}
