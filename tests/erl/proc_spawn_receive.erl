-module(proc_spawn_receive).
-export([main/0]).

%% spawn, send and receive with replies; selective receive; ordering between one sender/receiver pair.

main() ->
    Self = self(),
    Echo = spawn(fun() -> echo(Self) end),
    [Echo ! {msg, I} || I <- lists:seq(1, 5)],
    io:format("~p~n", [[receive {echo, X} -> X end || _ <- lists:seq(1, 5)]]),
    Echo ! stop,
    receive {stopped, N} -> io:format("echo handled ~p~n", [N]) end,
    self() ! {b, 2}, self() ! {a, 1}, self() ! {c, 3},
    A = receive {a, V} -> V end,
    C = receive {c, V2} -> V2 end,
    B = receive {b, V3} -> V3 end,
    io:format("~p~n", [[A, B, C]]),
    Sq = spawn(fun() -> receive {From, L} -> From ! {self(), [X * X || X <- L]} end end),
    Sq ! {self(), [1, 2, 3]},
    receive {Sq, R} -> io:format("~p~n", [R]) end,
    Pids = [spawn(fun() -> receive {go, From} -> From ! {done, I, I * 10} end end) || I <- lists:seq(1, 10)],
    [P ! {go, self()} || P <- Pids],
    io:format("~p~n", [lists:sort([receive {done, I, V4} -> {I, V4} end || _ <- Pids])]),
    io:format("~p~n", [receive nothing -> yes after 0 -> timeout end]),
    io:format("~p~n", [is_process_alive(Echo)]),
    ok.

echo(Parent) -> echo(Parent, 0).
echo(Parent, N) ->
    receive
        {msg, X} -> Parent ! {echo, X}, echo(Parent, N + 1);
        stop -> Parent ! {stopped, N}
    end.
