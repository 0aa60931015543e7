-module(fun_in_data).
-export([main/0, double/1]).

%% Funs stored in maps, tuples, lists and records; dispatch tables; equality of funs.

main() ->
    Ops = #{add => fun(A, B) -> A + B end, sub => fun(A, B) -> A - B end,
            mul => fun erlang:'*'/2, pow => fun(A, B) -> round(math:pow(A, B)) end},
    io:format("~p~n", [[{K, (maps:get(K, Ops))(7, 3)} || K <- lists:sort(maps:keys(Ops))]]),
    Prog = [{push, 2}, {push, 3}, {op, add}, {push, 4}, {op, mul}, {push, 2}, {op, pow}, {push, 100}, {op, sub}],
    io:format("~p~n", [run(Prog, [], Ops)]),
    Handlers = [{fun is_integer/1, int}, {fun is_atom/1, atom}, {fun is_list/1, list}, {fun(_) -> true end, other}],
    io:format("~p~n", [[classify(V, Handlers) || V <- [1, a, [], 2.0, {}]]]),
    D = fun ?MODULE:double/1,
    io:format("~p ~p~n", [D =:= fun ?MODULE:double/1, D == fun ?MODULE:double/1]),
    F1 = fun(X) -> X end,
    F2 = F1,
    io:format("~p~n", [F1 =:= F2]),
    io:format("~p~n", [lists:map(D, [1, 2, 3])]),
    {_, G} = {tag, fun(X) -> {got, X} end},
    io:format("~p~n", [G(1)]),
    ok.

run([], [Top], _) -> Top;
run([{push, N} | R], S, Ops) -> run(R, [N | S], Ops);
run([{op, O} | R], [B, A | S], Ops) -> run(R, [(maps:get(O, Ops))(A, B) | S], Ops).

classify(V, [{P, Tag} | Rest]) ->
    case P(V) of true -> Tag; false -> classify(V, Rest) end.

double(X) -> 2 * X.
