%% proc_spawn_opt.erl — spawn_opt's heap and queue options, and
%% process_flag/2 for the same items: accepted, reported by process_info,
%% old values returned, bad values badarg.
-module(proc_spawn_opt).
-export([main/0]).

main() ->
    Self = self(),
    Report = fun() ->
                     Self ! {info, process_info(self(), [min_heap_size, fullsweep_after,
                                                         message_queue_data, priority])}
             end,
    spawn_opt(Report, [{min_heap_size, 1000}, {fullsweep_after, 10},
                       {message_queue_data, off_heap}]),
    receive {info, I1} -> io:format("~p~n", [I1]) end,
    spawn_opt(Report, []),
    receive {info, I2} -> io:format("~p~n", [I2]) end,
    {P, R} = spawn_opt(fun() -> ok end, [monitor]),
    receive {'DOWN', R, process, P, Why} -> io:format("monitor: ~p~n", [Why]) end,
    process_flag(trap_exit, true),
    L = spawn_opt(fun() -> exit(bye) end, [link]),
    receive {'EXIT', L, W} -> io:format("link: ~p~n", [W]) end,
    io:format("~p~n", [process_flag(min_heap_size, 500)]),
    io:format("~p~n", [process_flag(min_heap_size, 233)]),
    io:format("~p~n", [process_flag(fullsweep_after, 5)]),
    io:format("~p~n", [process_flag(fullsweep_after, 65535)]),
    io:format("~p~n", [process_flag(message_queue_data, off_heap)]),
    io:format("~p~n", [process_flag(message_queue_data, on_heap)]),
    io:format("~p~n", [process_flag(max_heap_size, 100000)]),
    io:format("~p~n", [process_flag(max_heap_size, #{size => 0, kill => false})]),
    io:format("~p~n", [process_info(self(), max_heap_size)]),
    [io:format("~p~n", [try spawn_opt(fun() -> ok end, [O]) catch C:Rs -> {C, Rs} end])
     || O <- [{min_heap_size, -1}, {fullsweep_after, x}, {message_queue_data, maybe},
              {max_heap_size, -5}, bogus, {bogus, 1}]],
    io:format("~p~n", [try process_flag(message_queue_data, maybe) catch C2:R2 -> {C2, R2} end]),
    ok.
