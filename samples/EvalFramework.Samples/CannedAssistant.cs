using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace EvalFramework.Samples;

/// <summary>Stands in for a real model so the sample runs anywhere: a fixed answer with realistic token usage.</summary>
public sealed class CannedAssistant : IChatClient
{
    private const string Answer = "A wooden deck lower than 1.2 m that is not attached to the house usually needs no building permit.";

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, Answer))
        {
            ModelId = "mistral-small-3.1",
            Usage = new UsageDetails { InputTokenCount = 1800, OutputTokenCount = 240 },
        });

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await GetResponseAsync(messages, options, cancellationToken);
        foreach (var update in response.ToChatResponseUpdates())
        {
            yield return update;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }
}
