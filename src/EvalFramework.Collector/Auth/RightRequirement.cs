using Microsoft.AspNetCore.Authorization;

namespace EvalFramework.Collector.Auth;

/// <summary>
/// A right an API key must have: for any pilot when it is a policy's (checked before the handler runs, before any
/// body is read), or for one pilot when a handler authorizes with the pilot as the resource.
/// </summary>
internal sealed class RightRequirement(ApiRights right) : IAuthorizationRequirement
{
    public ApiRights Right { get; } = right;

    public override string ToString() => "the " + ApiKeyClaims.NameOf(Right) + " right";
}
