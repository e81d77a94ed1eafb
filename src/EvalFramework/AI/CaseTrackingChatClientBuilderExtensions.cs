using EvalFramework;

namespace Microsoft.Extensions.AI;

/// <summary>Adds case tracking to a chat client pipeline.</summary>
public static class CaseTrackingChatClientBuilderExtensions
{
    /// <summary>
    /// Records an <c>ai.usage</c> event on <see cref="TrackedCase.Current"/> for every response, streamed or not: the
    /// model (the response's, else the options', else the inner client's default, else <c>unknown</c>), the input
    /// and output tokens from its usage, and the call's duration. Outside a case nothing is recorded.
    /// </summary>
    /// <param name="builder">The pipeline builder.</param>
    /// <returns><paramref name="builder"/>, for chaining.</returns>
    public static ChatClientBuilder UseCaseTracking(this ChatClientBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Use(inner => new CaseTrackingChatClient(inner));
    }
}
