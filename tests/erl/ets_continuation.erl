-module(ets_continuation).
-export([main/0]).

%% Continuations that went through term_to_binary, repair_continuation,
%% select_reverse/1 chains on ordered_set, init_table, foldl.
main() ->
    T = ets:new(t, [ordered_set]),
    ets:insert(T, [{I, I} || I <- lists:seq(1, 20)]),
    MS = [{{'$1', '$2'}, [{'>', '$1', 3}], ['$2']}],
    {L, C} = ets:select(T, MS, 5),
    Broken = binary_to_term(term_to_binary(C)),
    C2 = ets:repair_continuation(Broken, MS),
    io:format("~p ~p~n", [L, element(1, ets:select(C2))]),
    H = ets:new(h, [set]),
    ets:insert(H, [{I, I} || I <- lists:seq(1, 20)]),
    {L2, C3} = ets:select(H, MS, 5),
    C4 = ets:repair_continuation(C3, MS),
    io:format("~p ~p~n", [L2, element(1, ets:select(C4))]),
    {R1, RC} = ets:select_reverse(T, MS, 6),
    {R2, RC2} = ets:select_reverse(RC),
    io:format("~p ~p ~p~n", [R1, R2, element(1, ets:select_reverse(RC2))]),
    ets:init_table(H, fun(read) -> {[{a, 1}, {b, 2}], fun(read) -> end_of_input; (close) -> ok end}; (close) -> ok end),
    io:format("~p~n", [lists:sort(ets:tab2list(H))]),
    io:format("~p~n", [ets:foldl(fun({K, V}, A) -> [{V, K} | A] end, [], T) =:= lists:reverse([{I, I} || I <- lists:seq(1, 20)])]),
    ok.
