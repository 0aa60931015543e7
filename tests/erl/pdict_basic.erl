-module(pdict_basic).
-export([main/0]).

%% The process dictionary: put/get/erase/get_keys, returned old values.

main() ->
    io:format("~p~n", [put(a, 1)]),
    io:format("~p~n", [put(a, 2)]),
    io:format("~p ~p~n", [get(a), get(missing)]),
    put({complex, key}, [value]),
    put(<<"bin">>, 3),
    put(b, 1),
    io:format("~p~n", [lists:sort([K || {K, _} <- get(), K =/= '$ancestors', K =/= '$initial_call'])]),
    io:format("~p~n", [lists:sort(get_keys(1))]),
    io:format("~p~n", [lists:sort(get_keys())]),
    io:format("~p~n", [erase(a)]),
    io:format("~p~n", [erase(a)]),
    io:format("~p~n", [get({complex, key})]),
    [put(I, I * I) || I <- lists:seq(1, 1000)],
    io:format("~p~n", [lists:sum([get(I) || I <- lists:seq(1, 1000)])]),
    io:format("~p~n", [length(get_keys())]),
    Old = erase(),
    io:format("~p ~p~n", [length(Old), get()]),
    ok.
