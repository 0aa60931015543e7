%% girder_io.erl — the built-in group leader of the fast boot: a process,
%% registered as `user`, that answers the Erlang I/O protocol
%% (io_request / io_reply) by writing to standard output, so io:format and
%% friends work without kernel's user/group servers. Input requests read
%% nothing (girder runs as -noshell -noinput) and answer eof.
-module(girder_io).
-export([start/0, flush/0, init/0]).

start() ->
    case whereis(user) of
        undefined ->
            Pid = spawn(?MODULE, init, []),
            register(user, Pid),
            Pid;
        Pid ->
            Pid
    end.

%% Wait until everything sent to the group leader so far is written.
flush() ->
    case whereis(user) of
        undefined -> ok;
        Pid ->
            Ref = make_ref(),
            Pid ! {flush, self(), Ref},
            receive {Ref, flushed} -> ok after 5000 -> ok end
    end.

init() ->
    group_leader(self(), self()),
    %% OTP 25's user process starts in latin1 whatever the locale
    loop(latin1).

loop(Enc) ->
    receive
        {io_request, From, ReplyAs, Request} ->
            {Reply, Enc1} = request(Request, Enc),
            From ! {io_reply, ReplyAs, Reply},
            loop(Enc1);
        {flush, From, Ref} ->
            From ! {Ref, flushed},
            loop(Enc);
        _ ->
            loop(Enc)
    end.

request({put_chars, Encoding, Chars}, Enc) ->
    {write(to_device(Chars, in_encoding(Encoding), Enc)), Enc};
request({put_chars, Encoding, M, F, A}, Enc) ->
    case catch apply(M, F, A) of
        Data when is_list(Data); is_binary(Data) ->
            {write(to_device(Data, in_encoding(Encoding), Enc)), Enc};
        _ ->
            {{error, put_chars}, Enc}
    end;
request({put_chars, Chars}, Enc) ->
    request({put_chars, latin1, Chars}, Enc);
request({put_chars, M, F, A}, Enc) ->
    request({put_chars, latin1, M, F, A}, Enc);
request({requests, Reqs}, Enc) ->
    requests(Reqs, {ok, Enc});
request({get_chars, _, _, _}, Enc) -> {eof, Enc};
request({get_chars, _, _}, Enc) -> {eof, Enc};
request({get_line, _, _}, Enc) -> {eof, Enc};
request({get_line, _}, Enc) -> {eof, Enc};
request({get_until, _, _, _, _, _}, Enc) -> {eof, Enc};
request({get_until, _, _, _, _}, Enc) -> {eof, Enc};
request({get_until, _, _, _}, Enc) -> {eof, Enc};
request(getopts, Enc) ->
    {[{binary, false}, {encoding, Enc}], Enc};
request({setopts, Opts}, Enc) ->
    case proplists:get_value(encoding, Opts) of
        undefined -> {ok, Enc};
        NewEnc when NewEnc =:= unicode; NewEnc =:= latin1; NewEnc =:= utf8 ->
            {ok, if NewEnc =:= utf8 -> unicode; true -> NewEnc end};
        _ -> {{error, enotsup}, Enc}
    end;
request({get_geometry, _}, Enc) -> {{error, enotsup}, Enc};
request(_, Enc) -> {{error, request}, Enc}.

requests([], Result) -> Result;
requests([R|Rs], {ok, Enc}) ->
    case request(R, Enc) of
        {ok, Enc1} -> requests(Rs, {ok, Enc1});
        Other -> Other
    end;
requests(_, Result) -> Result.

in_encoding(latin1) -> latin1;
in_encoding(_) -> unicode.

write(error) -> {error, put_chars};
write(Bin) -> girder:put_chars(1, Bin), ok.

%% The bytes for Chars on a device of encoding Enc, or error. On a latin1
%% device, characters above 255 are written as \x{HEX}, as OTP's user does.
to_device(Bin, Same, Same) when is_binary(Bin) -> Bin;
to_device(Chars, unicode, latin1) ->
    case catch unicode:characters_to_binary(Chars, unicode, latin1) of
        Bin when is_binary(Bin) -> Bin;
        _ ->
            case catch unicode:characters_to_list(Chars, unicode) of
                L when is_list(L) ->
                    list_to_binary([escape_high(C) || C <- L]);
                _ ->
                    error
            end
    end;
to_device(Chars, From, To) ->
    case catch unicode:characters_to_binary(Chars, From, To) of
        Bin when is_binary(Bin) -> Bin;
        _ -> error
    end.

escape_high(C) when C > 255 -> ["\\x{", integer_to_list(C, 16), $}];
escape_high(C) -> C.
