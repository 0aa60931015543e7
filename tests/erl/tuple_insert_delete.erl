-module(tuple_insert_delete).
-export([main/0]).

%% erlang:append_element, delete_element, insert_element.

main() ->
    T = {a, b, c},
    io:format("~p~n", [erlang:append_element(T, d)]),
    io:format("~p~n", [erlang:append_element({}, d)]),
    [io:format("delete ~w ~p~n", [I, erlang:delete_element(I, T)]) || I <- [1, 2, 3]],
    [io:format("insert ~w ~p~n", [I, erlang:insert_element(I, T, x)]) || I <- [1, 2, 3, 4]],
    io:format("~p~n", [erlang:delete_element(1, {only})]),
    io:format("~p~n", [erlang:insert_element(1, {}, x)]),
    Grown = lists:foldl(fun(I, Acc) -> erlang:append_element(Acc, I) end, {}, lists:seq(1, 20)),
    io:format("~p~n", [Grown]),
    Shrunk = lists:foldl(fun(_, Acc) -> erlang:delete_element(2, Acc) end, Grown, lists:seq(1, 10)),
    io:format("~p~n", [Shrunk]),
    ok.
