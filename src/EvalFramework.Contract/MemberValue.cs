namespace EvalFramework.Contract;

/// <summary>A value inside an <see cref="FieldKind.Object"/> field that a pilot's vocabulary closes (see <see cref="WireField.ClosedMembers"/>).</summary>
/// <param name="Use">The member, named by its path (e.g. <c>assignment.assignedArm</c>), and the vocabulary list that closes it.</param>
/// <param name="Value">The value sent.</param>
public sealed record MemberValue(FieldUse Use, string Value);
