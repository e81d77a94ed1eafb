using Microsoft.AspNetCore.Authorization;

namespace EvalFramework.Collector.Auth;

/// <summary>
/// The one place that decides what a key may do: <see cref="RightRequirement"/> against the key's claims, for the
/// pilot when the resource is a pilot slug, else for any of its pilots.
/// </summary>
internal sealed class RightAuthorizationHandler : AuthorizationHandler<RightRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, RightRequirement requirement)
    {
        var allowed = context.Resource is string pilot
            ? context.User.Allows(requirement.Right, pilot)
            : context.User.HasRight(requirement.Right);
        if (allowed)
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
