using System.Globalization;

namespace NorthKoreaShadowWar.Expressions;

/// <summary>Splits condition and expression text into tokens, or explains the first character it cannot read.</summary>
internal static class ExpressionLexer
{
    private static readonly string[] TwoCharacterSymbols = ["==", "!=", "<=", ">="];
    private const string OneCharacterSymbols = "+-*/()[],.<>";

    public static bool TryTokenize(string text, out List<ExpressionToken> tokens, out (int Offset, string Message) error)
    {
        tokens = [];
        error = default;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
            {
                var start = i;
                while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.')) i++;
                if (i < text.Length && (text[i] == 'e' || text[i] == 'E'))
                {
                    var exponent = i + 1;
                    if (exponent < text.Length && (text[exponent] == '+' || text[exponent] == '-')) exponent++;
                    if (exponent < text.Length && char.IsAsciiDigit(text[exponent]))
                    {
                        i = exponent;
                        while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
                    }
                }
                var literal = text[start..i];
                if (!double.TryParse(literal, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                {
                    error = (start, $"'{literal}' is not a number");
                    return false;
                }
                tokens.Add(new ExpressionToken(TokenKind.Number, literal, value, start));
            }
            else if (char.IsAsciiLetter(c) || c == '_')
            {
                var start = i;
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_')) i++;
                tokens.Add(new ExpressionToken(TokenKind.Name, text[start..i], 0, start));
            }
            else if (i + 1 < text.Length && Array.IndexOf(TwoCharacterSymbols, text.Substring(i, 2)) >= 0)
            {
                tokens.Add(new ExpressionToken(TokenKind.Symbol, text.Substring(i, 2), 0, i));
                i += 2;
            }
            else if (OneCharacterSymbols.Contains(c, StringComparison.Ordinal))
            {
                tokens.Add(new ExpressionToken(TokenKind.Symbol, c.ToString(), 0, i));
                i++;
            }
            else
            {
                error = (i, Unexpected(text, i));
                return false;
            }
        }
        tokens.Add(new ExpressionToken(TokenKind.End, "", 0, text.Length));
        return true;
    }

    private static string Unexpected(string text, int i) => text[i] switch
    {
        '=' => "use '==' to compare; '=' alone is not an operator here",
        '&' => "use 'and' to combine conditions",
        '|' => "use 'or' to combine conditions",
        '!' => "use 'not' to negate a condition, or '!=' to compare",
        '^' => "'^' is not supported: use exp() and log(), or multiply",
        var other => $"unexpected character '{other}'",
    };
}
