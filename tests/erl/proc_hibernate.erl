-module(proc_hibernate).
-export([main/0, wake/1]).
%% erlang:hibernate/3: the process sleeps with an empty stack and resumes
%% in the given function when a message arrives.

wake(Tag) ->
    receive {From, Msg} -> From ! {Tag, Msg, length(element(2, process_info(self(), current_stacktrace)))} end.

main() ->
    Self = self(),
    P = spawn(fun() -> put(k, v), erlang:hibernate(?MODULE, wake, [woken]) end),
    timer:sleep(20),
    io:format("~p~n", [process_info(P, [status, dictionary, current_function])]),
    P ! {Self, hello},
    receive R -> io:format("~p~n", [R]) end,
    timer:sleep(10),
    io:format("~p~n", [is_process_alive(P)]),
    io:format("~p~n", [catch erlang:hibernate(1, f, [])]),
    ok.
