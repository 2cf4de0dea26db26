using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;

namespace NorthKoreaShadowWar.Tests.Architecture;

/// <summary>One instruction of a method body: its opcode and, when it names a type, method or field, that token.</summary>
internal readonly record struct ILInstruction(OpCode OpCode, EntityHandle Token);

/// <summary>The instructions of a method body, in order.</summary>
internal static class ILInstructions
{
    private static readonly Dictionary<short, OpCode> Codes = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(field => (OpCode)field.GetValue(null)!)
        .ToDictionary(code => code.Value);

    public static IEnumerable<ILInstruction> Of(MethodBodyBlock body)
    {
        var il = body.GetILReader();
        var instructions = new List<ILInstruction>();
        while (il.RemainingBytes > 0)
        {
            short value = il.ReadByte();
            if (value == 0xFE) value = unchecked((short)(0xFE00 | il.ReadByte()));
            var code = Codes.TryGetValue(value, out var known)
                ? known
                : throw new InvalidOperationException($"unknown IL opcode 0x{value:X}");
            var token = default(EntityHandle);
            switch (code.OperandType)
            {
                case OperandType.InlineField:
                case OperandType.InlineMethod:
                case OperandType.InlineType:
                case OperandType.InlineTok:
                    token = MetadataTokens.EntityHandle(il.ReadInt32());
                    break;
                case OperandType.InlineSwitch:
                    var targets = il.ReadInt32();
                    il.Offset += 4 * targets;
                    break;
                default:
                    il.Offset += SizeOf(code.OperandType);
                    break;
            }
            instructions.Add(new ILInstruction(code, token));
        }
        return instructions;
    }

    /// <summary>The metadata tokens the instructions name: the types, methods and fields a body uses.</summary>
    public static IEnumerable<EntityHandle> TokensOf(MethodBodyBlock body) =>
        Of(body).Where(instruction => !instruction.Token.IsNil).Select(instruction => instruction.Token);

    private static int SizeOf(OperandType operand) => operand switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        _ => 4,
    };
}
