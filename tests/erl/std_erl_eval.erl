-module(std_erl_eval).
-export([main/0]).

%% erl_eval:exprs evaluating small programs from strings, with bindings.

main() ->
    Progs = [{"1 + 2.", []},
             {"X * Y.", [{'X', 6}, {'Y', 7}]},
             {"L = lists:seq(1, 10), lists:sum([X * X || X <- L]).", []},
             {"F = fun(N) -> N * 2 end, F(21).", []},
             {"Fact = fun Fact(0) -> 1; Fact(N) -> N * Fact(N - 1) end, Fact(20).", []},
             {"case {a, 1} of {a, V} -> V + 100; _ -> none end.", []},
             {"M = #{k => v}, M#{k := w, j => z}.", []},
             {"<<A:4, B:4>> = <<16#A5>>, {A, B}.", []},
             {"try throw(x) catch throw:T -> {caught, T} end.", []},
             {"lists:map(fun(C) -> C - 32 end, \"abc\").", []},
             {"if 1 > 2 -> a; true -> b end.", []},
             {"[{X, Y} || X <- [1, 2], Y <- [a, b], X =/= 2 orelse Y =/= b].", []},
             {"B = <<\"bin\">>, << <<(C + 1)>> || <<C>> <= B >>.", []},
             {"erlang:element(2, {a, b, c}).", []},
             {"Q = 5, Q = 6.", []},
             {"undefined_var + 1.", []},
             {"1 / 0.", []}],
    [io:format("~s => ~p~n", [S, run(S, B)]) || {S, B} <- Progs],
    {value, V, Bs} = erl_eval:exprs(parse("A = 1, B = A + 1, C = {A, B}."), erl_eval:new_bindings()),
    io:format("~p ~p~n", [V, lists:sort(erl_eval:bindings(Bs))]),
    io:format("~p~n", [erl_eval:expr(hd(parse("2 * 21.")), [])]),
    ok.

run(S, Bindings) ->
    try
        {value, V, _} = erl_eval:exprs(parse(S), Bindings),
        {ok, V}
    catch C:R -> {C, R}
    end.

parse(S) ->
    {ok, Toks, _} = erl_scan:string(S),
    {ok, Es} = erl_parse:parse_exprs(Toks),
    Es.
