using System.Globalization;

namespace NorthKoreaShadowWar.Expressions;

/// <summary>
/// Parses the one small language used by every condition and expression in a scenario:
/// <c>or</c> &lt; <c>and</c> &lt; <c>not</c> &lt; comparisons and <c>in</c> &lt; <c>+ -</c> &lt; <c>* /</c> &lt; unary minus.
/// Whether a piece must be a number or a condition is decided later, when names are resolved.
/// </summary>
internal sealed class ExpressionParser
{
    /// <summary>
    /// The most tokens (names, numbers, operators, brackets) one expression may have. Expressions are walked
    /// recursively; the limit keeps the walks shallow, far above what a readable expression needs.
    /// </summary>
    public const int MaximumTokens = 500;

    private static readonly HashSet<string> Comparisons = ["==", "!=", "<", "<=", ">", ">="];
    private readonly List<ExpressionToken> tokens;
    private int index;

    private ExpressionParser(List<ExpressionToken> tokens) => this.tokens = tokens;

    private ExpressionToken Current => tokens[index];

    /// <summary>Parses <paramref name="text"/>; on failure returns false with the offset and message of the first problem.</summary>
    public static bool TryParse(string text, out ExpressionSyntax? syntax, out (int Offset, string Message) error)
    {
        syntax = null;
        if (!ExpressionLexer.TryTokenize(text, out var tokens, out error)) return false;
        if (tokens.Count == 1)
        {
            error = (0, "the expression is empty");
            return false;
        }
        if (tokens.Count > MaximumTokens)
        {
            error = (tokens[MaximumTokens].Offset, string.Create(CultureInfo.InvariantCulture, $"the expression is too long: more than {MaximumTokens} names, numbers and operators; split it into derived parameters"));
            return false;
        }
        var parser = new ExpressionParser(tokens);
        try
        {
            syntax = parser.ParseOr();
            if (parser.Current.Kind != TokenKind.End)
                throw new SyntaxError(parser.Current.Offset, $"unexpected '{parser.Current.Text}' after a complete expression");
            return true;
        }
        catch (SyntaxError e)
        {
            error = (e.Offset, e.Message);
            syntax = null;
            return false;
        }
    }

    private ExpressionSyntax ParseOr()
    {
        var left = ParseAnd();
        while (Current.Is("or"))
        {
            var op = Take();
            left = new BinarySyntax("or", left, ParseAnd(), op.Offset);
        }
        return left;
    }

    private ExpressionSyntax ParseAnd()
    {
        var left = ParseNot();
        while (Current.Is("and"))
        {
            var op = Take();
            left = new BinarySyntax("and", left, ParseNot(), op.Offset);
        }
        return left;
    }

    private ExpressionSyntax ParseNot()
    {
        if (Current.Is("not"))
        {
            var op = Take();
            return new UnarySyntax("not", ParseNot(), op.Offset);
        }
        return ParseComparison();
    }

    private ExpressionSyntax ParseComparison()
    {
        var left = ParseAdditive();
        if (Current.Kind == TokenKind.Symbol && Comparisons.Contains(Current.Text))
        {
            var op = Take();
            var right = ParseAdditive();
            if (Current.Kind == TokenKind.Symbol && Comparisons.Contains(Current.Text))
                throw new SyntaxError(Current.Offset, "comparisons cannot be chained: write 'a < b and b < c'");
            return new BinarySyntax(op.Text, left, right, op.Offset);
        }
        if (Current.Is("in"))
        {
            var op = Take();
            return new InSyntax(left, ParseNameList(), Negated: false, op.Offset);
        }
        if (Current.Is("not") && tokens[index + 1].Is("in"))
        {
            var op = Take();
            Take();
            return new InSyntax(left, ParseNameList(), Negated: true, op.Offset);
        }
        return left;
    }

    private List<NameSyntax> ParseNameList()
    {
        Expect("[", "a list of states in brackets, e.g. [Combat, Withdrawn]");
        var items = new List<NameSyntax>();
        do
        {
            if (Current.Kind != TokenKind.Name)
                throw new SyntaxError(Current.Offset, "expected a state name in the list");
            var name = Take();
            items.Add(new NameSyntax(name.Text, name.Offset));
        }
        while (TryTake(","));
        Expect("]", "']' to close the list of states");
        return items;
    }

    private ExpressionSyntax ParseAdditive()
    {
        var left = ParseMultiplicative();
        while (Current.Is("+") || Current.Is("-"))
        {
            var op = Take();
            left = new BinarySyntax(op.Text, left, ParseMultiplicative(), op.Offset);
        }
        return left;
    }

    private ExpressionSyntax ParseMultiplicative()
    {
        var left = ParseUnary();
        while (Current.Is("*") || Current.Is("/"))
        {
            var op = Take();
            left = new BinarySyntax(op.Text, left, ParseUnary(), op.Offset);
        }
        return left;
    }

    private ExpressionSyntax ParseUnary()
    {
        if (Current.Is("-"))
        {
            var op = Take();
            return new UnarySyntax("-", ParseUnary(), op.Offset);
        }
        if (Current.Is("+"))
        {
            Take();
            return ParseUnary();
        }
        return ParsePrimary();
    }

    private ExpressionSyntax ParsePrimary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.Number:
                Take();
                return new NumberSyntax(token.Number, token.Offset);
            case TokenKind.Name when token.Text is "and" or "or" or "not" or "in":
                throw new SyntaxError(token.Offset, $"expected a name or a number before '{token.Text}'");
            case TokenKind.Name:
                Take();
                var name = new NameSyntax(token.Text, token.Offset);
                if (TryTake("("))
                {
                    var arguments = new List<ExpressionSyntax>();
                    if (!TryTake(")"))
                    {
                        do arguments.Add(ParseAdditive());
                        while (TryTake(","));
                        Expect(")", "')' to close the function call");
                    }
                    return new CallSyntax(name, arguments, token.Offset);
                }
                if (TryTake("."))
                {
                    if (Current.Kind != TokenKind.Name)
                        throw new SyntaxError(Current.Offset, $"expected a state name after '{token.Text}.'");
                    var state = Take();
                    return new StateReferenceSyntax(name, new NameSyntax(state.Text, state.Offset), token.Offset);
                }
                return name;
            case TokenKind.Symbol when token.Text == "(":
                Take();
                var inner = ParseOr();
                Expect(")", "')' to close the parenthesis");
                return inner;
            case TokenKind.End:
                throw new SyntaxError(token.Offset, "the expression ends too early");
            default:
                throw new SyntaxError(token.Offset, $"unexpected '{token.Text}'");
        }
    }

    private ExpressionToken Take() => tokens[index++];

    private bool TryTake(string symbol)
    {
        if (!Current.Is(symbol)) return false;
        index++;
        return true;
    }

    private void Expect(string symbol, string what)
    {
        if (!TryTake(symbol))
            throw new SyntaxError(Current.Offset, Current.Kind == TokenKind.End ? $"expected {what}, but the expression ends" : $"expected {what}, found '{Current.Text}'");
    }

    private sealed class SyntaxError(int offset, string message) : Exception(message)
    {
        public int Offset { get; } = offset;
    }
}
