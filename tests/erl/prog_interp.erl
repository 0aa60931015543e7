-module(prog_interp).
-export([main/0]).

%% A tiny interpreter for an expression language with let, lambdas, closures and recursion.

main() ->
    Progs = [{num, 42},
             {add, {num, 1}, {mul, {num, 2}, {num, 3}}},
             {'let', x, {num, 5}, {add, {var, x}, {var, x}}},
             {app, {lam, x, {mul, {var, x}, {var, x}}}, {num, 9}},
             {'let', k, {lam, x, {lam, y, {var, x}}}, {app, {app, {var, k}, {num, 1}}, {num, 2}}},
             {letrec, fact, n, {'if', {eq, {var, n}, {num, 0}}, {num, 1},
                                {mul, {var, n}, {app, {var, fact}, {sub, {var, n}, {num, 1}}}}},
              {app, {var, fact}, {num, 25}}},
             {letrec, fib, n, {'if', {lt, {var, n}, {num, 2}}, {var, n},
                               {add, {app, {var, fib}, {sub, {var, n}, {num, 1}}},
                                     {app, {var, fib}, {sub, {var, n}, {num, 2}}}}},
              {app, {var, fib}, {num, 18}}},
             {var, unbound},
             {app, {num, 1}, {num, 2}}],
    [io:format("~p~n", [run(P)]) || P <- Progs],
    ok.

run(P) -> try {ok, eval(P, #{})} catch throw:E -> {error, E} end.

eval({num, N}, _) -> N;
eval({var, V}, Env) -> case Env of #{V := X} -> deref(X); _ -> throw({unbound, V}) end;
eval({add, A, B}, Env) -> eval(A, Env) + eval(B, Env);
eval({sub, A, B}, Env) -> eval(A, Env) - eval(B, Env);
eval({mul, A, B}, Env) -> eval(A, Env) * eval(B, Env);
eval({eq, A, B}, Env) -> eval(A, Env) =:= eval(B, Env);
eval({lt, A, B}, Env) -> eval(A, Env) < eval(B, Env);
eval({'if', C, T, E}, Env) -> case eval(C, Env) of true -> eval(T, Env); false -> eval(E, Env) end;
eval({'let', V, E, Body}, Env) -> eval(Body, Env#{V => eval(E, Env)});
eval({lam, V, Body}, Env) -> {closure, V, Body, Env};
eval({letrec, F, V, Body, In}, Env) ->
    Ref = {rec, F, V, Body, Env},
    eval(In, Env#{F => Ref});
eval({app, F, A}, Env) ->
    case eval(F, Env) of
        {closure, V, Body, CEnv} -> eval(Body, CEnv#{V => eval(A, Env)});
        Other -> throw({not_a_function, Other})
    end.

deref({rec, F, V, Body, Env} = R) -> {closure, V, Body, Env#{F => R}};
deref(X) -> X.
