using System;
using System.Collections.Generic;

namespace WasmMarshal.Samples.TinyLang.Tests;

/// <summary>
/// A direct interpreter of the same AST, written without looking at the compiler's output: environments are
/// dictionaries, closures capture the whole environment, thunks are memoizing C# objects. The compiled module must agree
/// with it on every program in the table.
/// </summary>
public static class ReferenceEvaluator
{
    private abstract record Value;

    private sealed record IntValue(long V) : Value;

    private sealed record DoubleValue(double V) : Value;

    private sealed record BytesValue(byte[] V) : Value;

    private sealed record ClosureValue(string Parameter, Expr Body, Env Env) : Value;

    private sealed record ConsValue(Value Head, Value Tail) : Value;

    private sealed record NilValue : Value;

    private sealed record ThunkValue(Expr Body, Env Env) : Value
    {
        private Value? _value;
        private bool _forcing;

        public Value Force()
        {
            if (_value is not null)
            {
                return _value;
            }

            if (_forcing)
            {
                throw new InvalidOperationException("a thunk forced itself");
            }

            _forcing = true;
            _value = Whnf(Eval(Body, Env));
            return _value;
        }
    }

    private sealed class Env(Dictionary<string, Value> bindings)
    {
        public Dictionary<string, Value> Bindings { get; } = bindings;

        public Env With(string name, Value value) => new(new Dictionary<string, Value>(Bindings) { [name] = value });
    }

    public static TinyValue Evaluate(string source) => Evaluate(Parser.Parse(source));

    public static TinyValue Evaluate(Expr program) => Whnf(Eval(program, new Env([]))) switch
    {
        IntValue i => new TinyValue.Int(i.V),
        DoubleValue d => new TinyValue.Double(d.V),
        BytesValue b => new TinyValue.Bytes(b.V),
        ClosureValue => new TinyValue.Opaque(TinyTag.Closure),
        ConsValue => new TinyValue.Opaque(TinyTag.Cons),
        NilValue => new TinyValue.Opaque(TinyTag.Nil),
        var other => throw new InvalidOperationException($"unexpected {other}"),
    };

    private static Value Whnf(Value value) => value is ThunkValue thunk ? thunk.Force() : value;

    private static Value Eval(Expr expr, Env env)
    {
        switch (expr)
        {
            case IntLiteral i: return new IntValue(i.Value);
            case DoubleLiteral d: return new DoubleValue(d.Value);
            case BytesLiteral b: return new BytesValue(b.Value);
            case NilLiteral: return new NilValue();
            case Variable v: return env.Bindings.TryGetValue(v.Name, out var bound) ? bound : throw new InvalidOperationException($"unbound {v.Name}");
            case Let let: return Eval(let.Body, env.With(let.Name, Eval(let.Value, env)));
            case LetRec rec:
            {
                // The closure's environment contains the closure: tie the knot through the mutable dictionary.
                var recursive = new Env(new Dictionary<string, Value>(env.Bindings));
                var closure = new ClosureValue(rec.Function.Parameter, rec.Function.Body, recursive);
                recursive.Bindings[rec.Name] = closure;
                return Eval(rec.Body, recursive);
            }

            case Lambda lambda: return new ClosureValue(lambda.Parameter, lambda.Body, env);
            case Apply apply:
            {
                var function = (ClosureValue)Whnf(Eval(apply.Function, env));
                var argument = Eval(apply.Argument, env);
                return Eval(function.Body, function.Env.With(function.Parameter, argument));
            }

            case If conditional:
                return ((IntValue)Whnf(Eval(conditional.Condition, env))).V != 0 ? Eval(conditional.Then, env) : Eval(conditional.Else, env);
            case Lazy lazy: return new ThunkValue(lazy.Body, env);
            case Unary unary:
            {
                var operand = Whnf(Eval(unary.Operand, env));
                return unary.Operator switch
                {
                    "force" => operand,
                    "head" => ((ConsValue)operand).Head,
                    "tail" => ((ConsValue)operand).Tail,
                    "isnil" => new IntValue(operand is NilValue ? 1 : operand is ConsValue ? 0 : throw new InvalidCastException("isnil of a non-list")),
                    _ => throw new InvalidOperationException(unary.Operator),
                };
            }

            case Binary { Operator: "::" } cons: return new ConsValue(Eval(cons.Left, env), Eval(cons.Right, env));
            case Binary binary:
            {
                var left = Whnf(Eval(binary.Left, env));
                var right = Whnf(Eval(binary.Right, env));
                return Operate(binary.Operator, left, right);
            }

            default: throw new InvalidOperationException(expr.GetType().Name);
        }
    }

    private static Value Operate(string op, Value left, Value right)
    {
        if (op == "++")
        {
            return new BytesValue([.. ((BytesValue)left).V, .. ((BytesValue)right).V]);
        }

        if (op == "%")
        {
            return new IntValue(((IntValue)left).V % ((IntValue)right).V);
        }

        if (left is IntValue a && right is IntValue b)
        {
            return op switch
            {
                "+" => new IntValue(unchecked(a.V + b.V)),
                "-" => new IntValue(unchecked(a.V - b.V)),
                "*" => new IntValue(unchecked(a.V * b.V)),
                "/" => new IntValue(a.V / b.V),
                "<" => Bool(a.V < b.V),
                "<=" => Bool(a.V <= b.V),
                "==" => Bool(a.V == b.V),
                _ => throw new InvalidOperationException(op),
            };
        }

        double x = ToDouble(left), y = ToDouble(right);
        return op switch
        {
            "+" => new DoubleValue(x + y),
            "-" => new DoubleValue(x - y),
            "*" => new DoubleValue(x * y),
            "/" => new DoubleValue(x / y),
            "<" => Bool(x < y),
            "<=" => Bool(x <= y),
            "==" => Bool(x == y),
            _ => throw new InvalidOperationException(op),
        };
    }

    private static double ToDouble(Value value) => value switch
    {
        IntValue i => i.V,
        DoubleValue d => d.V,
        _ => throw new InvalidCastException($"{value} is not a number"),
    };

    private static IntValue Bool(bool value) => new(value ? 1 : 0);
}
