-module(proc_recv_marker).
-export([main/0]).
%% make_ref() + receive on the ref (the receive-marker optimisation) with
%% many unrelated messages queued: results and the order of the untouched
%% messages must stay exactly as without the optimisation.

echo() -> receive {From, Ref, X} -> From ! {Ref, X}, echo() end.

call(Server, X) ->
    Ref = make_ref(),
    Server ! {self(), Ref, X},
    receive {Ref, Reply} -> Reply end.

main() ->
    [self() ! {junk, I} || I <- lists:seq(1, 20000)],
    Server = spawn(fun echo/0),
    Sum = lists:sum([call(Server, I) || I <- lists:seq(1, 2000)]),
    io:format("sum ~p~n", [Sum]),
    %% a receive that removes some junk in between, then more calls
    receive {junk, 5} -> ok end,
    receive {junk, 20000} -> ok end,
    Sum2 = lists:sum([call(Server, I) || I <- lists:seq(1, 100)]),
    io:format("sum2 ~p~n", [Sum2]),
    %% a marker whose ref is never answered: after 0
    R = make_ref(),
    receive {R, _} -> bad after 0 -> io:format("timeout ok~n") end,
    {message_queue_len, N} = process_info(self(), message_queue_len),
    io:format("left ~p~n", [N]),
    Junk = [receive {junk, J} -> J end || _ <- lists:seq(1, 5)],
    io:format("first junk ~p~n", [Junk]),
    exit(Server, kill),
    ok.
