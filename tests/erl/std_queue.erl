-module(std_queue).
-export([main/0]).

%% queue: original, extended and Okasaki APIs.

main() ->
    Q0 = queue:new(),
    Q1 = lists:foldl(fun queue:in/2, Q0, [1, 2, 3, 4, 5]),
    io:format("~p ~p ~p~n", [queue:to_list(Q1), queue:len(Q1), queue:is_empty(Q1)]),
    {{value, H}, Q2} = queue:out(Q1),
    io:format("~p ~p~n", [H, queue:to_list(Q2)]),
    {{value, T}, Q3} = queue:out_r(Q2),
    io:format("~p ~p~n", [T, queue:to_list(Q3)]),
    io:format("~p~n", [queue:out(Q0)]),
    io:format("~p~n", [queue:to_list(queue:in_r(0, Q1))]),
    io:format("~p~n", [queue:to_list(queue:reverse(Q1))]),
    io:format("~p~n", [queue:to_list(queue:join(Q1, queue:from_list([a, b])))]),
    {A, B} = queue:split(2, Q1),
    io:format("~p ~p~n", [queue:to_list(A), queue:to_list(B)]),
    io:format("~p~n", [queue:to_list(queue:filter(fun(X) -> X rem 2 =:= 1 end, Q1))]),
    io:format("~p~n", [queue:to_list(queue:filter(fun(X) -> [X, X] end, Q1))]),
    io:format("~p ~p~n", [queue:member(3, Q1), queue:member(9, Q1)]),
    io:format("~p ~p~n", [queue:get(Q1), queue:get_r(Q1)]),
    io:format("~p ~p~n", [queue:peek(Q1), queue:peek_r(Q0)]),
    io:format("~p~n", [queue:to_list(queue:drop(Q1))]),
    io:format("~p~n", [queue:to_list(queue:drop_r(Q1))]),
    io:format("~p~n", [queue:to_list(queue:cons(z, Q1))]),
    io:format("~p ~p~n", [queue:head(Q1), queue:daeh(Q1)]),
    io:format("~p~n", [queue:to_list(queue:snoc(Q1, y))]),
    io:format("~p~n", [queue:fold(fun(X, Acc) -> X + Acc end, 0, Q1)]),
    io:format("~p~n", [queue:any(fun(X) -> X > 4 end, Q1)]),
    io:format("~p~n", [queue:all(fun(X) -> X > 4 end, Q1)]),
    io:format("~p~n", [queue:to_list(queue:delete(3, Q1))]),
    io:format("~p~n", [queue:is_queue(Q1)]),
    Big = lists:foldl(fun queue:in/2, Q0, lists:seq(1, 10000)),
    io:format("~p~n", [drain(Big, 0)]),
    io:format("~p~n", [t(fun() -> queue:get(Q0) end)]),
    ok.

drain(Q, Acc) ->
    case queue:out(Q) of
        {empty, _} -> Acc;
        {{value, V}, Q2} -> drain(Q2, Acc + V)
    end.

t(F) -> try F() catch C:R -> {C, R} end.
