%% bif_memory.erl — erlang:memory/0,1: the items in ERTS order, total =
%% processes + system, a large binary and new processes show up in their
%% items, bad items are badarg.
-module(bif_memory).
-export([main/0]).
main() ->
    Tab = ets:new(t, [public]), ets:insert(Tab, {k, lists:seq(1, 100)}),
    Keep = binary:copy(<<2>>, 1000),
    M = erlang:memory(),
    io:format("~p~n", [[K || {K, _} <- M]]),
    io:format("all positive: ~p~n", [lists:all(fun({_, V}) -> is_integer(V) andalso V > 0 end, M)]),
    T = proplists:get_value(total, M), P = proplists:get_value(processes, M), S = proplists:get_value(system, M),
    io:format("total = processes + system: ~p~n", [T =:= P + S]),
    io:format("~p~n", [[is_integer(erlang:memory(K)) || K <- [total, processes, binary, ets, code, atom]]]),
    B0 = erlang:memory(binary),
    Bin = binary:copy(<<1>>, 10000000),
    B1 = erlang:memory(binary),
    io:format("10MB binary counted: ~p~n", [B1 - B0 >= 10000000]),
    P0 = erlang:memory(processes),
    Ps = [spawn(fun() -> receive stop -> ok end end) || _ <- lists:seq(1, 10000)],
    P1 = erlang:memory(processes),
    io:format("10k processes: between 1k and 5k bytes each: ~p~n", [(P1 - P0) div 10000 > 1000 andalso (P1 - P0) div 10000 < 5000]),
    [Q ! stop || Q <- Ps],
    io:format("~p~n", [[V > 0 || {_, V} <- erlang:memory([ets, code])]]),
    io:format("~p~n", [try erlang:memory(bogus) catch C:E -> {C, E} end]),
    {byte_size(Bin), Tab, Keep}.
