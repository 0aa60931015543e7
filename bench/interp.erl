%% interp.erl — a small interpreter: an expression language (let, if, calls,
%% arithmetic, closures) as tagged tuples, evaluated by pattern matching over
%% an environment list; runs a recursive program (fib and a sum loop) in it.
%% group: sequential
%% args: n
%% full: 31
%% quick: 25
-module(interp).
-export([main/1]).

%% Expressions: {int, I} | {var, A} | {add|sub|mul|lt, E, E} | {'if', C, T, E}
%%            | {'let', A, E, Body} | {lam, [A], Body} | {call, F, [E]}
%%            | {letrec, A, Lam, Body}
eval({int, I}, _) -> I;
eval({var, A}, Env) -> lookup(A, Env);
eval({add, A, B}, Env) -> eval(A, Env) + eval(B, Env);
eval({sub, A, B}, Env) -> eval(A, Env) - eval(B, Env);
eval({mul, A, B}, Env) -> eval(A, Env) * eval(B, Env);
eval({lt, A, B}, Env) -> eval(A, Env) < eval(B, Env);
eval({'if', C, T, E}, Env) ->
    case eval(C, Env) of
        true -> eval(T, Env);
        false -> eval(E, Env)
    end;
eval({'let', A, E, Body}, Env) -> eval(Body, [{A, eval(E, Env)} | Env]);
eval({lam, Params, Body}, Env) -> {closure, Params, Body, Env};
eval({letrec, A, {lam, Ps, B}, Body}, Env) ->
    eval(Body, [{A, {rec, A, Ps, B, Env}} | Env]);
eval({call, F, Args}, Env) ->
    Vs = [eval(X, Env) || X <- Args],
    apply_fn(eval(F, Env), Vs).

apply_fn({closure, Ps, Body, CEnv}, Vs) -> eval(Body, bind(Ps, Vs, CEnv));
apply_fn({rec, A, Ps, Body, CEnv} = R, Vs) -> eval(Body, bind(Ps, Vs, [{A, R} | CEnv])).

bind([], [], Env) -> Env;
bind([P | Ps], [V | Vs], Env) -> bind(Ps, Vs, [{P, V} | Env]).

lookup(A, [{A, V} | _]) -> V;
lookup(A, [_ | Env]) -> lookup(A, Env).

program(N) ->
    {letrec, fib, {lam, [n],
                   {'if', {lt, {var, n}, {int, 2}}, {var, n},
                    {add, {call, {var, fib}, [{sub, {var, n}, {int, 1}}]},
                          {call, {var, fib}, [{sub, {var, n}, {int, 2}}]}}}},
     {letrec, sum, {lam, [i, acc],
                    {'if', {lt, {var, i}, {int, 1}}, {var, acc},
                     {call, {var, sum}, [{sub, {var, i}, {int, 1}},
                                         {add, {var, acc}, {mul, {var, i}, {var, i}}}]}}},
      {'let', twice, {lam, [f, x], {call, {var, f}, [{call, {var, f}, [{var, x}]}]}},
       {add, {call, {var, fib}, [{int, N}]},
             {call, {var, twice}, [{lam, [y], {call, {var, sum}, [{var, y}, {int, 0}]}},
                                   {int, 50}]}}}}}.

main([N]) ->
    P = program(bench_lib:int(N)),
    {R, Us} = bench_lib:timed(fun() -> eval(P, []) end),
    bench_lib:report(R, Us).
