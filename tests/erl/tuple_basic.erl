-module(tuple_basic).
-export([main/0]).

%% element, setelement, tuple_size, make_tuple, tuple_to_list, list_to_tuple.

main() ->
    T = {a, 1, "two", {3}, [4], 5.0},
    io:format("~p ~w~n", [T, tuple_size(T)]),
    [io:format("element ~w = ~p~n", [I, element(I, T)]) || I <- lists:seq(1, tuple_size(T))],
    io:format("~p~n", [setelement(1, T, z)]),
    io:format("~p~n", [setelement(6, T, last)]),
    io:format("~p~n", [T]),
    io:format("~p~n", [erlang:make_tuple(3, x)]),
    io:format("~p~n", [erlang:make_tuple(0, x)]),
    io:format("~p~n", [erlang:make_tuple(5, 0, [{2, b}, {4, d}, {2, bb}])]),
    io:format("~p~n", [tuple_to_list(T)]),
    io:format("~p~n", [list_to_tuple([1, 2, 3])]),
    io:format("~p ~p~n", [list_to_tuple([]), tuple_size({})]),
    io:format("~p~n", [size({1, 2})]),
    Big = list_to_tuple(lists:seq(1, 1000)),
    io:format("~w ~w ~w~n", [tuple_size(Big), element(500, Big), element(1000, setelement(1000, Big, x))]),
    io:format("~w~n", [lists:sum(tuple_to_list(Big))]),
    io:format("~p~n", [{{{{deep}}}}]),
    io:format("~p~n", [lists:foldl(fun(I, Acc) -> setelement(I, Acc, I * I) end, erlang:make_tuple(10, 0), lists:seq(1, 10))]),
    ok.
