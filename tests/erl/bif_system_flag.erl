-module(bif_system_flag).
-export([main/0]).

%% erlang:system_flag/2 for the flags that can be read back without
%% changing the machine: backtrace_depth, schedulers_online, the GC
%% defaults set to their current values, and the badargs.

main() ->
    BD = fun(V) -> t(fun() -> erlang:system_flag(backtrace_depth, V) end) end,
    io:format("~p~n", [[BD(V) || V <- [8, 3, 0, 1000, 20, 8, -1, x, 1.0, 1 bsl 64]]]),
    On = erlang:system_info(schedulers_online),
    io:format("~p~n", [erlang:system_flag(schedulers_online, On) =:= On]),
    io:format("~p~n", [erlang:system_info(schedulers_online) =:= On]),
    Max = erlang:system_info(schedulers),
    io:format("~p~n", [[t(fun() -> erlang:system_flag(schedulers_online, V) end)
                        || V <- [0, -1, Max + 1, x, 1.0]]]),
    io:format("~p~n", [[t(fun() -> erlang:system_flag(min_heap_size, V) end) || V <- [233, 200, -1, x]]]),
    io:format("~p~n", [erlang:system_info(min_heap_size)]),
    io:format("~p~n", [[t(fun() -> erlang:system_flag(min_bin_vheap_size, V) end) || V <- [46422, -1, x]]]),
    io:format("~p~n", [[t(fun() -> erlang:system_flag(fullsweep_after, V) end) || V <- [65535, 70000, -1, x]]]),
    io:format("~p~n", [[t(fun() -> erlang:system_flag(max_heap_size, V) end)
                        || V <- [0, #{size => 0}, #{size => 0, kill => true, error_logger => true},
                                 #{}, x, -1, 100, #{size => 100}, #{size => 0, bogus => 1},
                                 #{size => 0, kill => 1}]]]),
    io:format("~p~n", [erlang:system_info(max_heap_size)]),
    io:format("~p~n", [[t(fun() -> erlang:system_flag(trace_control_word, V) end) || V <- [0, -1, x]]]),
    io:format("~p~n", [[t(fun() -> erlang:system_flag(scheduler_wall_time, V) end) || V <- [false, x]]]),
    io:format("~p~n", [[t(fun() -> erlang:system_flag(multi_scheduling, V) end) || V <- [x, 1]]]),
    io:format("~p~n", [[t(fun() -> erlang:system_flag(F, V) end)
                        || {F, V} <- [{bogus, 1}, {"backtrace_depth", 8}, {1, 1}, {erts_alloc, x}]]]),
    ok.

t(F) -> try F() catch C:R -> {C, R} end.
